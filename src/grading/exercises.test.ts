// the proof of every exercise file: its reference solution passes every check, its starting
// state fails at least one, and each known-wrong attempt fails exactly the checks it names,
// each with a diagnosis and a hint. parameterised exercises are proven on several seeds.
import { describe, expect, test } from 'vitest';
import { loadExercises } from './exercise-files.ts';
import type { Exercise } from './exercise-schema.ts';
import { gradeAttempt } from './runner.ts';

const { exercises, errors } = loadExercises();

const REQUIRED = [
  'services/expose-hostname',
  'nodeport/fixed-port',
  'externalname/database-alias',
  'pods/sidecar-localhost',
  'pods/first-pod',
];

function seedsFor(exercise: Exercise): number[] {
  return Object.keys(exercise.parameters).length > 0 ? [1, 2, 3, 4] : [1];
}

const failing = (report: Awaited<ReturnType<typeof gradeAttempt>>) =>
  report.results
    .filter((r) => !r.pass)
    .map((r) => r.id)
    .sort();

describe('exercise files', () => {
  test('every file loads and matches its schema', () => {
    expect(errors).toEqual([]);
  });

  test('the exercises the course needs now are there', () => {
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(REQUIRED));
  });

  test.each(exercises.map((e) => [e.id, e] as const))('%s has hints and at least three near misses', (_id, exercise) => {
    expect(exercise.hints.length).toBeGreaterThan(0);
    expect(exercise.wrongAttempts.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  test.each(seedsFor(exercise))('the reference solution passes every check (seed %i)', async (seed) => {
    const report = await gradeAttempt(exercise, (v) => v.exercise.solution, seed);
    expect(report.transcript.status, report.transcript.output).toBe(0);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(report.score).toBe(100);
  });

  test.each(seedsFor(exercise))('the starting state fails (seed %i)', async (seed) => {
    const report = await gradeAttempt(exercise, { commands: 'true' }, seed);
    expect(report.passed).toBe(false);
    for (const r of report.results.filter((x) => !x.pass)) {
      expect(r.diagnosis).toMatch(/\S/);
      expect(r.hint).toMatch(/\S/);
    }
  });

  test.each(exercise.wrongAttempts.map((w, i) => [w.name, i] as const))(
    'near miss "%s" fails exactly its named checks',
    async (_name, i) => {
      for (const seed of seedsFor(exercise).slice(0, 2)) {
        const report = await gradeAttempt(exercise, (v) => v.exercise.wrongAttempts[i]!, seed);
        expect(failing(report)).toEqual([...exercise.wrongAttempts[i]!.fails].sort());
        for (const r of report.results.filter((x) => !x.pass)) {
          expect(r.diagnosis).toMatch(/\S/);
          expect(r.hint).toMatch(/\S/);
        }
      }
    },
  );
});

/** the diagnosis of one check for a named near miss, seed 1 */
async function diagnosis(exerciseId: string, attempt: string, checkId: string): Promise<string | undefined> {
  const exercise = exercises.find((e) => e.id === exerciseId)!;
  const index = exercise.wrongAttempts.findIndex((w) => w.name === attempt);
  expect(index).toBeGreaterThanOrEqual(0);
  const report = await gradeAttempt(exercise, (v) => v.exercise.wrongAttempts[index]!, 1);
  return report.results.find((r) => r.id === checkId)?.diagnosis;
}

describe('diagnoses of the key near misses', () => {
  test('a selector the pods do not carry', async () => {
    expect(
      await diagnosis('services/expose-hostname', 'the selector names a label the pods do not carry', 'routes-every-replica'),
    ).toBe(
      'From pod `client`, http://hostname-svc:8080/ was refused: Service `hostname-svc` selects `app=webapp` but the pods of Deployment `hostname` are labelled `app=hostname`, so it has 0 endpoints.',
    );
  });

  test('targetPort where nothing listens', async () => {
    expect(await diagnosis('services/expose-hostname', 'targetPort 8080, where nothing listens', 'routes-every-replica')).toBe(
      'From pod `client`, http://hostname-svc:8080/ was refused: Service `hostname-svc` sends port 8080 to targetPort 8080, but the pods listen on port 80 (containerPort 80), so every connection is refused.',
    );
  });

  test('the Service under another name', async () => {
    expect(
      await diagnosis('services/expose-hostname', 'the Service is called hostname, not hostname-svc', 'routes-every-replica'),
    ).toBe(
      "From pod `client`, `hostname-svc` does not resolve: there is no Service `hostname-svc` in namespace `default`; there is `hostname`, but a Service's name is the DNS name clients use.",
    );
  });

  test('the wrong Service port', async () => {
    expect(await diagnosis('services/expose-hostname', 'port 80 instead of 8080', 'routes-every-replica')).toBe(
      'From pod `client`, http://hostname-svc:8080/ got no answer: Service `hostname-svc` has no port 8080 (its ports: 80), so nothing answers on 8080.',
    );
  });

  test('session affinity', async () => {
    expect(
      await diagnosis('services/expose-hostname', 'session affinity pins the client to one replica', 'routes-every-replica'),
    ).toBe(
      'From pod `client`, 45 requests to http://hostname-svc:8080/ reached only 1 of 3 replicas; `hostname-cdf44c96f-jdmtt` and `hostname-cdf44c96f-p5sc6` never answered: Service `hostname-svc` has sessionAffinity ClientIP, so every request from one client goes to the same pod.',
    );
  });

  test('a NodePort Service without a fixed port', async () => {
    expect(await diagnosis('nodeport/fixed-port', 'a NodePort Service without a fixed nodePort', 'every-node-answers')).toBe(
      'From outside the cluster, port 31000 was refused on every node: Service `hostname-svc` is type NodePort, but its node port is 30668, not 31000 (without `nodePort` the apiserver picks a free one at random).',
    );
  });

  test('still ClusterIP', async () => {
    expect(await diagnosis('nodeport/fixed-port', 'still a ClusterIP Service', 'every-node-answers')).toBe(
      'From outside the cluster, port 31000 was refused on every node: Service `hostname-svc` is type ClusterIP, which opens no port on the nodes: it is reachable only inside the cluster.',
    );
  });

  test('externalTrafficPolicy Local on a node without pods', async () => {
    expect(
      await diagnosis(
        'nodeport/fixed-port',
        'externalTrafficPolicy Local leaves the control-plane node without pods',
        'every-node-answers',
      ),
    ).toBe(
      'From outside the cluster, port 31000 got no answer on `kind-control-plane` (172.18.0.2): Service `hostname-svc` has externalTrafficPolicy Local, and `kind-control-plane` runs none of its pods, so that node drops the traffic.',
    );
  });

  test('an ExternalName in another namespace', async () => {
    expect(await diagnosis('externalname/database-alias', 'the Service lives in another namespace', 'cname')).toBe(
      "From pod `client`, `database` does not resolve: there is no Service `database` in namespace `default`; there is one in `prod`, and a short name only finds Services in the client's own namespace.",
    );
  });

  test('a typo in externalName', async () => {
    expect(await diagnosis('externalname/database-alias', 'a typo in externalName', 'reaches-database')).toBe(
      'From pod `client`, `database:5432` does not resolve: Service `database` is an ExternalName for `my.databse.com`, not `my.database.com`, and `my.databse.com` does not resolve.',
    );
  });

  test('a ClusterIP Service where an alias was wanted', async () => {
    expect(await diagnosis('externalname/database-alias', 'a ClusterIP Service without a selector', 'cname')).toBe(
      "From pod `client`, `database` resolves to 10.106.36.156: Service `database` is type ClusterIP (ClusterIP 10.106.36.156): its name leads to the Service's own endpoints, never to `my.database.com`.",
    );
  });

  test('kubectl run labels the pod run=nginx', async () => {
    expect(await diagnosis('pods/first-pod', 'kubectl run labels the pod run=nginx', 'labelled-and-ready')).toBe(
      'No pod in namespace `default` is labelled `app=nginx` (`nginx` is labelled `run=nginx`).',
    );
  });

  test('a typo in the image', async () => {
    expect(await diagnosis('pods/first-pod', 'a typo in the image name', 'labelled-and-ready')).toBe(
      '1 pod labelled `app=nginx` should be ready, but none is: `nginx` is ErrImagePull; image `ngnix` of container `nginx` cannot be pulled (ErrImagePull): no such image exists.',
    );
  });

  test('a sidecar without curl', async () => {
    expect(await diagnosis('pods/sidecar-localhost', 'the sidecar is busybox, which has no curl', 'sidecar-reaches-nginx')).toBe(
      'Container `sidecar` of pod `web` runs `busybox`, which has no curl.',
    );
  });

  test('a sidecar in a pod of its own', async () => {
    expect(await diagnosis('pods/sidecar-localhost', 'the sidecar is a pod of its own', 'two-containers-ready')).toBe(
      'Pod `web` has 1 container (`web`), not 2.',
    );
  });
});
