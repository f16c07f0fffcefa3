// `kubesim grade` end to end, as an instructor runs it: whole outputs and exit statuses
import { describe, expect, test } from 'vitest';
import { loadExercises } from '../grading/exercise-files.ts';
import { recordAttempt } from '../grading/runner.ts';
import { makeSubmission } from '../grading/submission.ts';
import { runGrade } from './grade.ts';

const SELECTOR_TYPO = `apiVersion: v1
kind: Service
metadata:
  name: hostname-svc
spec:
  selector:
    app: webapp
  ports:
    - port: 8080
      targetPort: 80
`;
const GOOD = SELECTOR_TYPO.replace('webapp', 'hostname');

async function grade(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runGrade(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[path]!;
    },
  });
  return { status, stdout, stderr };
}

describe('kubesim grade EXERCISE FILE...', () => {
  test('a near miss: a table with the diagnosis and hint, exit 1', async () => {
    expect(await grade(['services/expose-hostname', 'svc.yaml'], { 'svc.yaml': SELECTOR_TYPO })).toEqual({
      status: 1,
      stderr: '',
      stdout: `services/expose-hostname (seed 1)
  RESULT  WEIGHT  CHECK                 DIAGNOSIS
  PASS    1       service-exists
  FAIL    3       routes-every-replica  From pod \`client\`, http://hostname-svc:8080/ was refused: Service \`hostname-svc\` selects \`app=webapp\` but the pods of Deployment \`hostname\` are labelled \`app=hostname\`, so it has 0 endpoints.
                                        Hint: Set the Service's selector to the pods' labels: \`app: hostname\`.
  score 25/100: 1 of 2 checks passed

0 of 1 exercise passed
`,
    });
  });

  test('a correct solution passes, exit 0', async () => {
    const result = await grade(['services/expose-hostname', 'svc.yaml', '--format', 'csv'], { 'svc.yaml': GOOD });
    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'learner,exercise,seed,score,check,weight,result,claimed,diagnosis\r\n,services/expose-hostname,1,100,service-exists,1,PASS,,\r\n,services/expose-hostname,1,100,routes-every-replica,3,PASS,,\r\n',
    });
  });

  test('junit for CI, json for programs', async () => {
    const junit = await grade(['nodeport/fixed-port', 'svc.yaml', '--format', 'junit'], { 'svc.yaml': GOOD });
    expect(junit.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubesim grade" tests="1" failures="1" errors="0">
  <testsuite name="nodeport/fixed-port" tests="1" failures="1" errors="0">
    <properties>
      <property name="seed" value="1"/>
      <property name="score" value="0"/>
    </properties>
    <testcase classname="nodeport/fixed-port" name="every-node-answers">
      <failure message="From outside the cluster, port 31000 was refused on every node: Service \`hostname-svc\` is type ClusterIP, which opens no port on the nodes: it is reachable only inside the cluster.">Hint: Make the Service \`type: NodePort\` and set \`nodePort: 31000\` on its port.</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
    expect(junit.status).toBe(1);
    const json = await grade(['pods/first-pod', 'pod.yaml', '--format', 'json'], {
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n',
    });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.passed).toBe(false);
    // what kubectl printed is the simulator's business; the report carries it when a command failed
    expect(parsed.exercises[0].output).toMatch(/^The Pod "nginx" is invalid: [^]*spec\.containers: Required value/);
  });

  test('a parameterised exercise takes its variant from --seed', async () => {
    const result = await grade(['nodeport/numbers-api-challenge', 'svc.yaml', '--seed', '2'], { 'svc.yaml': GOOD });
    expect(result.stdout.split('\n')[0]).toBe('nodeport/numbers-api-challenge (seed 2, nodePort=30800 port=9090 replicas=2)');
  });

  test('usage errors exit 2: an unknown exercise with the close ones, a missing file', async () => {
    expect(await grade(['services/expose-hostnme', 'svc.yaml'], { 'svc.yaml': GOOD })).toEqual({
      status: 2,
      stdout: '',
      stderr: `kubesim grade: there is no exercise 'services/expose-hostnme'; did you mean services/expose-hostname?
Exercises: externalname/database-alias, nodeport/fixed-port, nodeport/numbers-api-challenge, pods/first-pod, pods/sidecar-localhost, services/expose-hostname
(kubesim grade --list shows them with their titles)
`,
    });
    expect(await grade(['services/expose-hostname', 'nope.yaml'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'kubesim grade: nope.yaml: No such file or directory\n',
    });
  });

  test('--list', async () => {
    const ids = loadExercises().exercises.map((e) => e.id);
    const result = await grade(['--list']);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(ids);
    expect(result.stdout).toContain('nodeport/numbers-api-challenge  Challenge: publish the numbers API (challenge)\n');
  });
});

describe('kubesim grade --submission FILE...', () => {
  test('replays each submission; flags claims that differ; a broken file is an error row', async () => {
    const exercise = loadExercises().exercises.find((e) => e.id === 'services/expose-hostname')!;
    const good = await recordAttempt(exercise, (v) => v.exercise.solution, 5);
    const bad = await recordAttempt(exercise, (v) => v.exercise.wrongAttempts[1]!, 5);
    const entry = (r: typeof good, claimed: { checks: { id: string; pass: boolean }[]; score: number }) => ({
      id: exercise.id,
      seed: 5,
      journal: r.journal,
      files: r.files,
      claimed,
    });
    const honest = { checks: good.report.results.map((r) => ({ id: r.id, pass: r.pass })), score: 100 };
    const files = {
      'alice.json': JSON.stringify(makeSubmission('alice', { id: 'services-basics', title: 'Week 3' }, [entry(good, honest)])),
      'bob.json': JSON.stringify(makeSubmission('bob', { id: 'services-basics', title: 'Week 3' }, [entry(bad, honest)])),
      'carol.json': '{"format": "kubesim-submission"}',
    };
    const result = await grade(['--submission', 'alice.json', 'bob.json', 'carol.json'], files);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`alice: services/expose-hostname (seed 5)
  RESULT  CLAIMED  WEIGHT  CHECK                 DIAGNOSIS
  PASS    PASS     1       service-exists
  PASS    PASS     3       routes-every-replica
  score 100/100: 2 of 2 checks passed
  claimed 100/100: the replay agrees

bob: services/expose-hostname (seed 5)
  RESULT  CLAIMED  WEIGHT  CHECK                 DIAGNOSIS
  PASS    PASS     1       service-exists
  FAIL    PASS     3       routes-every-replica  From pod \`client\`, http://hostname-svc:8080/ was refused: Service \`hostname-svc\` sends port 8080 to targetPort 8080, but the pods listen on port 80 (containerPort 80), so every connection is refused.
                                                 Hint: Set \`targetPort: 80\`: the port the container listens on, not the Service's own port.
  score 25/100: 1 of 2 checks passed
  CLAIMS DIFFER FROM THE REPLAY: check routes-every-replica: claimed PASS, the replay says FAIL; score: claimed 100, the replay gives 25

carol.json: (submission) (seed 0)
  ERROR  not a valid kubesim submission: version: Invalid input: expected 1; learner: Invalid input: expected object, received undefined; assignment: Invalid input

1 of 3 exercises passed
`);
    const alone = await grade(['--submission', 'alice.json'], files);
    expect(alone.status).toBe(0);
  });
});
