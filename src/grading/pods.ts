// pods: N ready pods for a selector, a controller or a name, each with the containers it should have
import type { Pod } from '../sim/api/types.ts';
import type { CheckOf } from './checks.ts';
import {
  code,
  imageTrouble,
  labelString,
  listing,
  livePods,
  plural,
  podReady,
  podState,
  podsOwnedBy,
  podsSelected,
} from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { findObject } from './resources.ts';

export const podsReady: Evaluator<CheckOf<'pods-ready'>> = (cluster, check) => {
  const ns = check.namespace;
  let pods: Pod[];
  /** how to name the pods: one of them, several */
  let whose: [string, string];
  if (check.name !== undefined) {
    const found = findObject(cluster, 'Pod', check.name, ns);
    if ('failure' in found) return found.failure;
    pods = [found.obj as Pod];
    whose = [`pod ${code(check.name)}`, `pods named ${code(check.name)}`];
  } else if (check.owner !== undefined) {
    const owned = podsOwnedBy(cluster, ns, check.owner.kind, check.owner.name);
    if (owned === null) {
      const found = findObject(cluster, check.owner.kind, check.owner.name, ns);
      return 'failure' in found ? found.failure : failed(`${check.owner.kind} ${code(check.owner.name)} owns no pods`);
    }
    pods = owned;
    whose = [`pod of ${check.owner.kind} ${code(check.owner.name)}`, `pods of ${check.owner.kind} ${code(check.owner.name)}`];
  } else {
    pods = podsSelected(cluster, ns, check.selector!);
    const labels = code(labelString(check.selector, true));
    whose = [`pod labelled ${labels}`, `pods labelled ${labels}`];
  }
  const wrongShape = check.containers === undefined ? [] : pods.filter((p) => p.spec.containers.length !== check.containers);
  const ready = pods.filter((p) => podReady(p) && !wrongShape.includes(p));
  const observed = { pods: pods.map((p) => p.metadata.name!), ready: ready.map((p) => p.metadata.name!) };
  const enough = check.atLeast ? ready.length >= check.count : ready.length === check.count;
  if (enough) return passed(observed);
  const wanted = `${check.atLeast ? 'at least ' : ''}${check.count} ${check.count === 1 ? whose[0] : whose[1]}`;
  const only = ready.length === 0 ? 'none is' : `${ready.length} ${ready.length === 1 ? 'is' : 'are'}`;
  if (pods.length === 0 && check.selector) {
    const others = livePods(cluster, ns).filter((p) => labelString(p.metadata.labels));
    const sets = [...new Set(others.map((p) => labelString(p.metadata.labels)))];
    const around =
      others.length === 0
        ? ''
        : others.length <= 3
          ? ` (${listing(others.map((p) => `${code(p.metadata.name!)} is labelled ${code(labelString(p.metadata.labels))}`))})`
          : ` (the pods there are labelled ${listing(sets.slice(0, 5).map(code), 'or')}${sets.length > 5 ? ', …' : ''})`;
    return failed(
      `no pod in namespace ${code(ns)} is labelled ${code(labelString(check.selector, true))}${around}`,
      `Give the pod the labels ${labelString(check.selector, true).replace(/=/g, ': ')} under metadata.labels.`,
      observed,
    );
  }
  if (pods.length === 0) return failed(`there are no ${whose[1]}`, 'Create them, then wait until they are ready.', observed);
  if (wrongShape.length > 0) {
    const pod = wrongShape[0]!;
    const names = pod.spec.containers.map((c) => code(c.name));
    return failed(
      `pod ${code(pod.metadata.name!)} has ${plural(pod.spec.containers.length, 'container')} (${listing(names)}), not ${check.containers}`,
      'List every container of the pod under spec.containers: containers of one pod share its network and lifetime.',
      observed,
    );
  }
  const notReady = pods.filter((p) => !podReady(p));
  if (ready.length < check.count && notReady.length > 0) {
    const trouble = notReady.map(imageTrouble).find((t) => t !== null);
    const states = listing(notReady.map((p) => `${code(p.metadata.name!)} is ${podState(p)}`));
    if (check.name !== undefined) {
      return failed(
        `pod ${code(check.name)} is not ready: it is ${podState(notReady[0]!)}${trouble ? `; ${trouble}` : ''}`,
        trouble ? 'Fix the image name or the command, then recreate the pod.' : 'Look at `kubectl describe pod` for the events.',
        observed,
      );
    }
    return failed(
      `${wanted} should be ready, but ${only}: ${states}${trouble ? `; ${trouble}` : ''}`,
      trouble ? 'Fix the image name or the command, then recreate the pod.' : 'Look at `kubectl describe pod` for the events.',
      observed,
    );
  }
  return failed(
    `${wanted} should be ready, but ${only}${ready.length ? ` (${listing(ready.map((p) => code(p.metadata.name!)))})` : ''}`,
    ready.length > check.count ? 'Remove the extra pods or scale down.' : 'Create the missing pods or scale up.',
    observed,
  );
};
