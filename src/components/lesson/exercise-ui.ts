// what an exercise shows of a check's result, shared by the lesson block and the exercise page:
// built as elements with textContent, never as an HTML string
import { t } from '../../i18n/index.ts';
import type { CheckResult } from '../../grading/evaluate.ts';

/** one check's verdict, with its diagnosis and hint when it fails */
export function resultItem(result: CheckResult): HTMLLIElement {
  const item = document.createElement('li');
  item.className = result.pass ? 'pass' : 'fail';
  const head = document.createElement('p');
  const verdict = document.createElement('span');
  verdict.className = 'verdict';
  verdict.textContent = `${result.pass ? t('exercise.pass') : t('exercise.fail')}: `;
  head.append(verdict, document.createTextNode(result.title));
  item.append(head);
  if (!result.pass && result.diagnosis) {
    const diagnosis = document.createElement('p');
    diagnosis.className = 'diagnosis';
    diagnosis.textContent = result.diagnosis;
    item.append(diagnosis);
  }
  if (!result.pass && result.hint) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = result.hint;
    item.append(hint);
  }
  return item;
}

/** a paragraph of the little Markdown goals use, as elements */
export function inlineParagraph(parts: readonly { kind: 'text' | 'code' | 'strong'; text: string }[]): HTMLParagraphElement {
  const p = document.createElement('p');
  for (const part of parts) {
    if (part.kind === 'text') p.append(document.createTextNode(part.text));
    else {
      const el = document.createElement(part.kind);
      el.textContent = part.text;
      p.append(el);
    }
  }
  return p;
}
