// the four output formats, whole, for one fixed set of results
import { describe, expect, test } from 'vitest';
import { allPassed, formatCsv, formatJson, formatJunit, formatTable, type GradedExercise } from './report.ts';

const graded: GradedExercise[] = [
  {
    exerciseId: 'services/expose-hostname',
    title: 'Expose',
    seed: 1,
    params: {},
    score: 25,
    passed: false,
    results: [
      { id: 'service-exists', title: 'exists', weight: 1, hidden: false, pass: true },
      {
        id: 'routes-every-replica',
        title: 'routes',
        weight: 3,
        hidden: false,
        pass: false,
        diagnosis: 'Service `web` selects `app=web`, "so" it has 0 endpoints.',
        hint: 'Fix the selector <now>.',
      },
    ],
  },
  {
    learner: 'alice',
    exerciseId: 'nodeport/numbers-api-challenge',
    title: 'Challenge',
    seed: 7,
    params: { port: 8080 },
    score: 100,
    passed: true,
    results: [{ id: 'in-cluster', title: 'in', weight: 2, hidden: true, pass: true }],
    claimed: { score: 50, checks: [{ id: 'in-cluster', pass: false }] },
    mismatches: ['check in-cluster: claimed FAIL, the replay says PASS', 'score: claimed 50, the replay gives 100'],
    warnings: ['made with simulator 0.0.9, re-graded with 0.1.0'],
  },
  {
    learner: 'bob.json',
    exerciseId: '(submission)',
    title: '',
    seed: 0,
    params: {},
    score: 0,
    passed: false,
    results: [],
    error: 'not JSON: Unexpected end of JSON input',
  },
];

describe('formatTable', () => {
  test('a heading per exercise, a row per check, hints beneath, claims and warnings after', () => {
    expect(formatTable(graded)).toBe(`services/expose-hostname (seed 1)
  RESULT  WEIGHT  CHECK                 DIAGNOSIS
  PASS    1       service-exists
  FAIL    3       routes-every-replica  Service \`web\` selects \`app=web\`, "so" it has 0 endpoints.
                                        Hint: Fix the selector <now>.
  score 25/100: 1 of 2 checks passed

alice: nodeport/numbers-api-challenge (seed 7, port=8080)
  RESULT  CLAIMED  WEIGHT  CHECK       DIAGNOSIS
  PASS    FAIL     2       in-cluster
  score 100/100: 1 of 1 checks passed
  CLAIMS DIFFER FROM THE REPLAY: check in-cluster: claimed FAIL, the replay says PASS; score: claimed 50, the replay gives 100
  warning: made with simulator 0.0.9, re-graded with 0.1.0

bob.json: (submission) (seed 0)
  ERROR  not JSON: Unexpected end of JSON input

0 of 3 exercises passed
`);
  });
});

describe('formatJunit', () => {
  test('a testsuite per exercise, a testcase per check, the diagnosis as the failure message', () => {
    expect(formatJunit(graded)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubesim grade" tests="5" failures="2" errors="1">
  <testsuite name="services/expose-hostname" tests="2" failures="1" errors="0">
    <properties>
      <property name="seed" value="1"/>
      <property name="score" value="25"/>
    </properties>
    <testcase classname="services/expose-hostname" name="service-exists"/>
    <testcase classname="services/expose-hostname" name="routes-every-replica">
      <failure message="Service \`web\` selects \`app=web\`, &quot;so&quot; it has 0 endpoints.">Hint: Fix the selector &lt;now&gt;.</failure>
    </testcase>
  </testsuite>
  <testsuite name="alice: nodeport/numbers-api-challenge" tests="2" failures="1" errors="0">
    <properties>
      <property name="seed" value="7"/>
      <property name="score" value="100"/>
    </properties>
    <testcase classname="alice: nodeport/numbers-api-challenge" name="in-cluster"/>
    <testcase classname="alice: nodeport/numbers-api-challenge" name="claims-match-replay">
      <failure message="check in-cluster: claimed FAIL, the replay says PASS; score: claimed 50, the replay gives 100"/>
    </testcase>
  </testsuite>
  <testsuite name="bob.json: (submission)" tests="1" failures="0" errors="1">
    <properties>
      <property name="seed" value="0"/>
      <property name="score" value="0"/>
    </properties>
    <testcase classname="bob.json: (submission)" name="grade">
      <error message="not JSON: Unexpected end of JSON input"/>
    </testcase>
  </testsuite>
</testsuites>
`);
  });
});

describe('formatCsv', () => {
  test('a row per check, quoted where needed, CRLF line ends', () => {
    expect(formatCsv(graded)).toBe(
      [
        'learner,exercise,seed,score,check,weight,result,claimed,diagnosis',
        ',services/expose-hostname,1,25,service-exists,1,PASS,,',
        ',services/expose-hostname,1,25,routes-every-replica,3,FAIL,,"Service `web` selects `app=web`, ""so"" it has 0 endpoints."',
        'alice,nodeport/numbers-api-challenge,7,100,in-cluster,2,PASS,FAIL,',
        'bob.json,(submission),0,0,,,ERROR,,not JSON: Unexpected end of JSON input',
        '',
      ].join('\r\n'),
    );
  });
});

describe('formatJson and allPassed', () => {
  test('JSON carries everything and the overall verdict', () => {
    const parsed = JSON.parse(formatJson(graded)) as { simulatorVersion: string; passed: boolean; exercises: GradedExercise[] };
    expect(parsed).toEqual({ simulatorVersion: '0.1.0', passed: false, exercises: graded });
  });

  test('everything passed only without failures, mismatches or errors', () => {
    expect(allPassed([])).toBe(false);
    expect(allPassed([{ ...graded[1]!, mismatches: [] }])).toBe(true);
    expect(allPassed([graded[1]!])).toBe(false);
  });
});
