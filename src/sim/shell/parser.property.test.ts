// whatever a learner types, or puts in a container's command, is answered: the parser returns a
// result for every input (never throws, never loops), and so does the reading of a container's
// `sh -c` script into the steps the kubelet runs
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { lookupImage } from '../images/catalogue.ts';
import { planProcess } from '../images/process.ts';
import { parse } from './parser.ts';

const PIECES = [
  'echo',
  'a',
  ' ',
  ';',
  '&&',
  '||',
  '|',
  '`',
  '$(',
  ')',
  '(',
  '"',
  "'",
  '\\',
  '\n',
  '$',
  '${',
  '}',
  'x',
  'for',
  'in',
  'do',
  'done',
  'while',
  'true',
  ':',
  '<<',
  'EOF',
  '>',
  '>>',
  '<',
  '2>&1',
  '$((',
  '1+2',
  'i++',
  '#',
  '&',
  '\t',
  '=',
  'i=1',
  'sleep',
  '1',
  'date',
  'hostname',
  'seq',
  'cd',
  'exit',
  'wget',
  '-qO-',
  'grep',
];
const inputs = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

test('the parser answers every input with a result', () => {
  fc.assert(
    fc.property(inputs, (source) => {
      for (const final of [false, true]) {
        expect(['ok', 'empty', 'incomplete', 'error']).toContain(parse(source, { final }).kind);
      }
    }),
    { numRuns: 2000 },
  );
});

test("every sh -c script in a container's command is read into steps, without throwing", () => {
  const images = ['busybox', 'nginx'].map((name) => lookupImage(name)!);
  fc.assert(
    fc.property(inputs, fc.constantFrom(...images), (script, image) => {
      const plan = planProcess(
        image,
        { name: 'c', image: image.reference, command: ['sh', '-c', script] },
        {
          time: '2026/01/01 09:00:00',
          now: 0,
          env: () =>
            new Map([
              ['PATH', '/bin'],
              ['HOSTNAME', 'p'],
            ]),
          sh: image.reference.includes('busybox') ? 'ash' : 'dash',
        },
      );
      expect(plan).toBeTypeOf('object');
    }),
    { numRuns: 1000 },
  );
});
