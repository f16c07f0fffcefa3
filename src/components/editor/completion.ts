// completions for a manifest at the cursor: the field names the schema allows there (minus those
// already written) and the values an enum field takes. plain data, so the editor adapter only has
// to hand it to CodeMirror.
import { fieldsAt, valuesAt, type FieldCandidate } from '../../sim/kubectl/manifest-fields.ts';
import { cursorContext } from './yaml-context.ts';

export interface CompletionItem {
  label: string;
  /** the text put in place of the typed word */
  apply: string;
  kind: 'property' | 'enum';
  /** the type, as explain shows it */
  detail?: string;
  info?: string;
  /** a key whose value has choices of its own: offer them once it is in */
  offerValues?: boolean;
}

export interface Completions {
  from: number;
  items: CompletionItem[];
}

/** `name: ` on the line for scalars; a block below for objects, maps and lists (lists as kubectl prints them) */
function keyText(field: FieldCandidate, column: number): string {
  const pad = ' '.repeat(column);
  switch (field.shape) {
    case 'scalar':
      return `${field.name}: `;
    case 'list':
      return `${field.name}:\n${pad}- `;
    default:
      return `${field.name}:\n${pad}  `;
  }
}

/** what to offer at `offset`; null when there is nothing (or, unless asked, nothing typed yet for a key) */
export function completeManifest(text: string, offset: number, explicit = false): Completions | null {
  const context = cursorContext(text, offset);
  if (!context) return null;
  if (context.mode === 'value') {
    const values = valuesAt(context.kind, context.path);
    if (values.length === 0) return null;
    return { from: context.from, items: values.map((v) => ({ label: v, apply: v, kind: 'enum' })) };
  }
  if (!explicit && context.from === offset) return null;
  const fields = fieldsAt(context.kind, context.path).filter((f) => !context.siblings.includes(f.name));
  if (fields.length === 0) return null;
  return {
    from: context.from,
    items: fields.map((f) => ({
      label: f.name,
      apply: keyText(f, context.column),
      kind: 'property',
      detail: f.required ? `<${f.type}> required` : `<${f.type}>`,
      info: f.description,
      ...(f.shape === 'scalar' && valuesAt(context.kind, [...context.path, f.name]).length > 0 ? { offerValues: true } : {}),
    })),
  };
}
