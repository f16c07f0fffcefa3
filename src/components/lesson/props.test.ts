import { describe, expect, test } from 'vitest';
import { blockProps, quizProps, runProps, stepProps } from './props.ts';

describe('blockProps', () => {
  test('returns the parsed props when they are valid', () => {
    expect(blockProps('Run', runProps, { cmd: ' kubectl get pods ' })).toEqual({ cmd: 'kubectl get pods' });
  });

  test('names the block, each bad prop and what it received', () => {
    expect(() => blockProps('Run', runProps, { command: 'kubectl get pods' })).toThrow(
      [
        'Invalid props passed to the <Run/> block:',
        '  - cmd: Invalid input: expected string, received undefined',
        '  - props: Unrecognized key: "command"',
        'Received: {"command":"kubectl get pods"}',
      ].join('\n'),
    );
  });

  test('a quiz answer outside its options is rejected with the reason', () => {
    expect(() =>
      blockProps('Quiz', quizProps, { id: 'q', kind: 'single', question: '?', explanation: '.', options: ['a', 'b'], answer: 2 }),
    ).toThrow('  - props: answer must be the index of one of the options');
  });

  test('a step condition names its object as kind/name', () => {
    expect(() => blockProps('Step', stepProps, { id: 's', title: 'Make a pod', when: { exists: 'nginx' } })).toThrow(
      [
        'Invalid props passed to the <Step/> block:',
        '  - when.exists: write it as kind/name, e.g. pod/nginx',
        'Received: {"id":"s","title":"Make a pod","when":{"exists":"nginx"}}',
      ].join('\n'),
    );
    expect(blockProps('Step', stepProps, { id: 's', title: 'Make a pod', when: { exists: 'pod/nginx', ready: true } })).toEqual({
      id: 's',
      title: 'Make a pod',
      when: { exists: 'pod/nginx', namespace: 'default', ready: true },
    });
  });
});
