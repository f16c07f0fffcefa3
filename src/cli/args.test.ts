// kubesim's own flags: --preset picks the cluster, and what it does not know is refused
import { describe, expect, test } from 'vitest';
import { parseArgs, USAGE } from './args.ts';

describe('kubesim --preset', () => {
  test('names a cluster preset; the default stays the kind-like cluster', () => {
    expect(parseArgs(['--seed', '3', 'lesson.sh'])).toEqual({
      ok: true,
      args: { seed: 3, preset: null, script: 'lesson.sh', help: false, version: false },
    });
    expect(parseArgs(['--preset', 'on-premises'])).toMatchObject({ ok: true, args: { preset: 'on-premises' } });
    expect(parseArgs(['--preset=kind', 'x.sh'])).toMatchObject({ ok: true, args: { preset: 'kind', script: 'x.sh' } });
  });

  test('an unknown or missing preset is refused, naming the ones there are', () => {
    expect(parseArgs(['--preset', 'gke'])).toEqual({
      ok: false,
      message: "kubesim: --preset needs one of kind, on-premises, got 'gke'",
    });
    expect(parseArgs(['--preset'])).toEqual({
      ok: false,
      message: "kubesim: --preset needs one of kind, on-premises, got ''",
    });
  });

  test('--help lists it', () => {
    expect(USAGE).toContain('--preset P   the cluster to start: kind (the default, with a load-balancer provider) or\n');
  });
});
