// sh's arithmetic expansion, $((…)), for the shells here and a container's own command
// (`i=$((i+1))` in the counter loop of the Kubernetes docs): integers, + - * / %, comparisons, && || !, parentheses and
// variables. read once into an evaluator; evaluated each time the step runs, with the shell's
// variables as they are then. anything else (assignments inside, ++, **, bit operators) is
// refused when the script is read, so the caller can say it is not simulated

/** an arithmetic expansion that failed as it ran (division by zero, a variable that is no number) */
export class ArithmeticFailure extends Error {}

/** where an expression's variables come from: the shell's own */
export interface ArithmeticVars {
  get(name: string): string | undefined;
}

type Evaluator = (vars: ArithmeticVars) => number;
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
function valueOf(name: string, vars: ArithmeticVars): number {
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
