#!/usr/bin/env node
// the kubesim command: loads the TypeScript sources through tsx (works on Node 20 and later)
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
