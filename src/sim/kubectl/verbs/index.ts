// every kubectl verb the simulator knows, in `kubectl --help` order
import type { Verb } from '../env.ts';
import { annotateVerb } from './annotate.ts';
import { applyVerb } from './apply.ts';
import { attachVerb } from './attach.ts';
import { createVerb } from './create.ts';
import { deleteVerb } from './delete.ts';
import { describeVerb } from './describe.ts';
import { apiResourcesVerb, explainVerb } from './discovery.ts';
import { editVerb } from './edit.ts';
import { eventsVerb } from './events.ts';
import { execVerb } from './exec.ts';
import { exposeVerb } from './expose.ts';
import { getVerb } from './get.ts';
import { clusterInfoVerb, versionVerb } from './info.ts';
import { configVerb } from './config.ts';
import { labelVerb } from './label.ts';
import { logsVerb } from './logs.ts';
import { patchVerb } from './patch.ts';
import { replaceVerb } from './replace.ts';
import { rolloutVerb } from './rollout.ts';
import { runVerb } from './run.ts';
import { scaleVerb } from './scale.ts';
import { setVerb } from './set.ts';
import { topVerb } from './top.ts';
import { waitVerb } from './wait.ts';

export const VERBS: Verb[] = [
  createVerb,
  exposeVerb,
  runVerb,
  setVerb,
  explainVerb,
  getVerb,
  editVerb,
  deleteVerb,
  rolloutVerb,
  scaleVerb,
  clusterInfoVerb,
  topVerb,
  describeVerb,
  logsVerb,
  attachVerb,
  execVerb,
  eventsVerb,
  applyVerb,
  patchVerb,
  replaceVerb,
  waitVerb,
  labelVerb,
  annotateVerb,
  apiResourcesVerb,
  configVerb,
  versionVerb,
];

/** a verb by its name or an alias */
export function findVerb(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name || v.aliases?.includes(name));
}
