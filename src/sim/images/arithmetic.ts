// sh's arithmetic expansion, $((…)), for a container's own command (`i=$((i+1))` in the counter
// loop of the Kubernetes docs): integers, + - * / %, comparisons, && || !, parentheses and
// variables. read once into an evaluator; evaluated each time the step runs, with the shell's
// variables as they are then. anything else (assignments inside, ++, **, bit operators) is
// refused when the script is read, so the caller can say it is not simulated

/** an arithmetic expansion that failed as it ran (division by zero, a variable that is no number) */
export class ArithmeticFailure extends Error {}

type Evaluator = (vars: ReadonlyMap<string, string>) => number;
type Node = Evaluator;

const BINARY: Record<string, (a: number, b: number) => number> = {
  '||': (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
  '&&': (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  '<': (a, b) => (a < b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => {
    if (b === 0) throw new ArithmeticFailure('division by zero');
    return Math.trunc(a / b);
  },
  '%': (a, b) => {
    if (b === 0) throw new ArithmeticFailure('division by zero');
    return a % b;
  },
};

/** lowest precedence first */
const LEVELS = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

/** a variable's value as a number: empty or unset is 0 */
function valueOf(name: string, vars: ReadonlyMap<string, string>): number {
  const text = (vars.get(name) ?? '').trim();
  if (text === '') return 0;
  if (!/^[-+]?\d+$/.test(text)) throw new ArithmeticFailure(`${name} is not a number (${text})`);
  return Number(text);
}

/** the expression between `$((` and `))` as an evaluator, or the part of it this reading does not take */
export function compileArithmetic(source: string): { evaluate: Evaluator } | { error: string } {
  const tokens =
    source.match(/\s+|0[xX][0-9a-fA-F]+|\d+|\$?[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|\*\*|\+\+|--|[-+*/%<>!()]|./g) ?? [];
  const list = tokens.filter((t) => !/^\s+$/.test(t));
  let pos = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(why);
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    while (pos < list.length && LEVELS[n]!.includes(list[pos]!)) {
      const op = BINARY[list[pos++]!]!;
      const l = left;
      const r = level(n + 1);
      left = (vars) => op(l(vars), r(vars));
    }
    return left;
  };
  const unary = (): Node => {
    const token = list[pos];
    if (token === '-' || token === '+' || token === '!') {
      pos++;
      const operand = unary();
      if (token === '-') return (vars) => -operand(vars);
      if (token === '!') return (vars) => (operand(vars) === 0 ? 1 : 0);
      return operand;
    }
    return primary();
  };
  const primary = (): Node => {
    const token = list[pos++];
    if (token === undefined) return fail('a missing operand');
    if (token === '(') {
      const inner = level(0);
      if (list[pos++] !== ')') fail("a missing ')'");
      return inner;
    }
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      return () => n;
    }
    if (/^0[xX]/.test(token)) {
      const n = parseInt(token, 16);
      return () => n;
    }
    if (/^\$?[A-Za-z_]/.test(token)) {
      const name = token.replace(/^\$/, '');
      return (vars) => valueOf(name, vars);
    }
    return fail(`'${token}'`);
  };
  try {
    if (list.length === 0) return { evaluate: () => 0 };
    const evaluate = level(0);
    if (pos < list.length) fail(`'${list[pos]}'`);
    return { evaluate };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * every `$((…))` of a script (outside single quotes) replaced by a parameter `${__kubesim_arith_N}`
 * the shell's parser reads, its evaluator put in `table` under that name; or the first that this
 * reading cannot evaluate
 */
export function arithmeticAsParameters(script: string, table: Map<string, Evaluator>): { script: string } | { error: string } {
  let out = '';
  let single = false;
  let double = false;
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    if (single || !script.startsWith('$((', i)) {
      if (c === '\\' && !single) {
        out += c + (script[i + 1] ?? '');
        i++;
        continue;
      }
      out += c;
      continue;
    }
    // the matching `))`: parentheses inside balance out
    let depth = 0;
    let end = -1;
    for (let j = i + 3; j < script.length; j++) {
      if (script[j] === '(') depth++;
      else if (script[j] === ')') {
        if (depth === 0) {
          if (script[j + 1] === ')') end = j;
          break;
        }
        depth--;
      }
    }
    if (end < 0) return { error: 'an unclosed $((' };
    const source = script.slice(i + 3, end);
    const compiled = compileArithmetic(source);
    if ('error' in compiled) return { error: `$((${source})), with ${compiled.error} in it,` };
    const name = `__kubesim_arith_${table.size}`;
    table.set(name, compiled.evaluate);
    out += `\${${name}}`;
    i = end + 1;
  }
  return { script: out };
}
