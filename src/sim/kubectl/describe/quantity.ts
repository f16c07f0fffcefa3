// resource.Quantity as describe needs it: parse `500m`, `1.5Gi`, `8129520Ki`, add them up, take
// Value()/MilliValue() for percentages, and print them back in canonical form (String()), so
// `1000m` reads `1`, `0.5` reads `500m` and `1024Mi` reads `1Gi`, exactly as Go would.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = n × 10^exp, exactly; the format is the suffix family the text was written in */
export interface Quantity {
  n: bigint;
  exp: number;
  format: QuantityFormat;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

export const ZERO: Quantity = { n: 0n, exp: 0, format: 'DecimalSI' };

export function parseQuantity(text: string | undefined): Quantity | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec((text ?? '').trim());
  if (!m || (!m[2] && !m[3])) return null;
  const [, sign, whole = '', frac = '', suffix = ''] = m;
  let n = BigInt(`${sign}${whole}${frac}` || '0');
  let exp = -frac.length;
  let format: QuantityFormat = 'DecimalSI';
  const power = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (power) {
    exp += Number(power[1]);
    format = 'DecimalExponent';
  } else if (suffix in BINARY) {
    n *= 1024n ** BigInt(BINARY[suffix]!);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    exp += DECIMAL[suffix]!;
  } else return null;
  // quantities keep nanounit precision at most, rounding away from zero
  if (exp < -9) {
    const div = 10n ** BigInt(-9 - exp);
    const q = n / div;
    n = q * div === n ? q : q + (n > 0n ? 1n : -1n);
    exp = -9;
  }
  return { n, exp, format };
}

function scaled(q: Quantity, exp: number): bigint {
  return q.exp >= exp ? q.n * 10n ** BigInt(q.exp - exp) : q.n;
}

/** Add: the sum keeps the receiver's format unless the receiver was zero */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const exp = Math.min(a.exp, b.exp);
  return { n: scaled(a, exp) + scaled(b, exp), exp, format: a.n === 0n ? b.format : a.format };
}

/** the value at 10^exp, rounded up as AsScale/ScaledValue do */
function ceilAt(q: Quantity, exp: number): bigint {
  if (q.exp >= exp) return scaled(q, exp);
  const div = 10n ** BigInt(exp - q.exp);
  const r = q.n / div;
  return r * div === q.n || q.n < 0n ? r : r + 1n;
}

export const quantityValue = (q: Quantity): number => Number(ceilAt(q, 0));
export const milliValue = (q: Quantity): number => Number(ceilAt(q, -3));

export function compareQuantity(a: Quantity, b: Quantity): number {
  const exp = Math.min(a.exp, b.exp);
  const d = scaled(a, exp) - scaled(b, exp);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

function removeFactors(n: bigint, base: bigint): [bigint, number] {
  let times = 0;
  while (n !== 0n && n % base === 0n) {
    n /= base;
    times++;
  }
  return [n, times];
}

/** CanonicalizeBytes: the shortest exact form in the quantity's own suffix family */
export function formatQuantity(q: Quantity): string {
  if (q.n === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = compareQuantity(q, { n: -1024n, exp: 0, format }) > 0 && compareQuantity(q, { n: 1024n, exp: 0, format }) < 0;
    const integral = q.exp >= 0 || ceilAt(q, 0) * 10n ** BigInt(-q.exp) === q.n;
    if (small || !integral) format = 'DecimalSI';
    else {
      const [amount, times] = removeFactors(ceilAt(q, 0), 1024n);
      if (times < BINARY_SUFFIX.length) return `${amount}${BINARY_SUFFIX[times]}`;
      return `${amount * 1024n ** BigInt(times - 6)}Ei`;
    }
  }
  const [stripped, times] = removeFactors(q.n, 10n);
  let amount = stripped;
  let exp = q.exp + times;
  // Go's % keeps the dividend's sign: exponents come out as multiples of three, rounding down
  const rem = exp % 3;
  if (rem === 1 || rem === -2) {
    amount *= 10n;
    exp -= 1;
  } else if (rem === 2 || rem === -1) {
    amount *= 100n;
    exp -= 2;
  }
  if (exp === 0) return `${amount}`;
  const suffix = format === 'DecimalSI' ? DECIMAL_SUFFIX.get(exp) : undefined;
  return `${amount}${suffix ?? `e${exp}`}`;
}

/** re-prints a quantity string the way the apiserver would hand it back */
export function canonicalQuantity(text: string): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : text;
}
