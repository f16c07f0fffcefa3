// is a quiz answer right? choices are option indexes as strings; a short answer is the text typed
export type QuizKind = 'single' | 'multiple' | 'short';

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function quizCorrect(kind: QuizKind, key: unknown, given: readonly string[]): boolean {
  if (kind === 'short') {
    const typed = normalise(given[0] ?? '');
    return Array.isArray(key) && typed !== '' && key.some((k) => normalise(String(k)) === typed);
  }
  const chosen = [...new Set(given)].map(Number).sort((a, b) => a - b);
  const expected = (Array.isArray(key) ? key.map(Number) : [Number(key)]).sort((a, b) => a - b);
  if (kind === 'single' && chosen.length !== 1) return false;
  return chosen.length === expected.length && chosen.every((c, i) => c === expected[i]);
}
