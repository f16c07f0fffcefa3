// every kubectl verb the simulator knows, in `kubectl --help` order
import type { Verb } from '../env.ts';
import { applyVerb } from './apply.ts';
import { createVerb } from './create.ts';
import { deleteVerb } from './delete.ts';
import { apiResourcesVerb, explainVerb } from './discovery.ts';
import { getVerb } from './get.ts';
import { clusterInfoVerb, configVerb, versionVerb } from './info.ts';
import { runVerb } from './run.ts';

export const VERBS: Verb[] = [
  createVerb,
  runVerb,
  explainVerb,
  getVerb,
  deleteVerb,
  applyVerb,
  clusterInfoVerb,
  apiResourcesVerb,
  configVerb,
  versionVerb,
];
