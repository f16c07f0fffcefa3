// `-o yaml`: kubectl marshals to JSON and converts with sigs.k8s.io/yaml, i.e. go-yaml v2. so keys
// are sorted the go-yaml way (digit runs compared as numbers, non-letters before letters), list
// items sit at their parent key's column, empty maps and lists print as {} and [], and strings
// longer than 80 columns fold at spaces onto continuation lines indented under their key.

import { formatFloatG, GoByte } from './go-fmt.ts';
import { toUnstructured } from './json.ts';
import { Emitter } from './yaml-emitter.ts';

export { listWrapper } from './json.ts';

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\p{Nd}/u.test(ch);
const digitValue = (ch: string): number => ch.codePointAt(0)! - 48;

/** go-yaml's keyList.Less for string keys */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (xl || yl) return yl;
    // runs of digits compare by value; a run continuing earlier non-zero digits keeps its zeros
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + digitValue(ar[ai]!);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + digitValue(br[bi]!);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

const yamlKeyOrder = (a: string, b: string): number => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0);

/** non-string scalars: go-yaml's nil, bool, int and float encodings */
function plainText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoByte) return String(value.value);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return formatFloatG(value);
  }
  return String(value);
}

/** `kubectl get -o yaml` for one object, or for a listWrapper(...) of several */
export function toYaml(obj: unknown): string {
  const emitter = new Emitter({ keyOrder: yamlKeyOrder, plainText });
  emitter.node(toUnstructured(obj), false);
  emitter.writeIndent();
  return emitter.out;
}
