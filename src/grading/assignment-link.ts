// an assignment as a link: title, due date and exercise ids packed into one URL-safe string
// (`v1.` then base64url of JSON), so an instructor can share an assignment without a file.
// decoding never throws: a damaged or foreign link gives a message a learner can act on.
import { z } from '../sim/zod.ts';
import { closeNames } from './facts.ts';
import { dueSchema, exerciseIdSchema } from './assignment-schema.ts';

export const LINK_PREFIX = 'v1.';
/** the query parameter a page reads the link from */
export const LINK_PARAM = 'assignment';

export const linkedAssignmentSchema = z.object({
  title: z.string().min(1),
  due: dueSchema,
  exercises: z.array(exerciseIdSchema).min(1),
});

export type LinkedAssignment = z.output<typeof linkedAssignmentSchema>;

export type LinkDecode = { ok: true; assignment: LinkedAssignment } | { ok: false; error: string };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeAssignmentLink(assignment: LinkedAssignment): string {
  const { title, due, exercises } = linkedAssignmentSchema.parse(assignment);
  return LINK_PREFIX + toBase64Url(JSON.stringify({ title, due, exercises }));
}

/** a page URL carrying the assignment: `${base}?assignment=…` */
export function assignmentUrl(base: string, assignment: LinkedAssignment): string {
  return `${base}${base.includes('?') ? '&' : '?'}${LINK_PARAM}=${encodeAssignmentLink(assignment)}`;
}

/** the encoded part of a link: the whole input, or the `assignment` parameter of a URL */
function encodedPart(input: string): string {
  const text = input.trim();
  const m = new RegExp(`[?&#]${LINK_PARAM}=([^&#]*)`).exec(text);
  return m ? decodeURIComponent(m[1]!) : text;
}

/**
 * reads a shared link (the bare code or a whole URL); with `known`, every exercise id must be
 * one of them
 */
export function decodeAssignmentLink(input: string, known?: readonly string[]): LinkDecode {
  const code = encodedPart(input);
  if (code === '') return { ok: false, error: 'The assignment link is empty: copy the whole link your instructor shared.' };
  if (!code.startsWith(LINK_PREFIX)) {
    return { ok: false, error: `This is not a kubesim assignment link (the code should start with "${LINK_PREFIX}").` };
  }
  const json = fromBase64Url(code.slice(LINK_PREFIX.length));
  let data: unknown;
  try {
    data = json === null ? undefined : JSON.parse(json);
  } catch {
    data = undefined;
  }
  if (data === undefined) {
    return {
      ok: false,
      error: 'The assignment link is damaged (perhaps cut off when it was copied): ask your instructor for it again.',
    };
  }
  const parsed = linkedAssignmentSchema.safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'the link')))];
    return {
      ok: false,
      error: `The assignment link has a missing or invalid ${fields.join(', ')}: ask your instructor for a new link.`,
    };
  }
  if (known) {
    const unknown = parsed.data.exercises.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      const described = unknown.map((id) => {
        const close = closeNames(id, known, 1);
        return close.length ? `${id} (did you mean ${close[0]}?)` : id;
      });
      return {
        ok: false,
        error: `The assignment link names ${unknown.length === 1 ? 'an exercise' : 'exercises'} this course does not have: ${described.join(', ')}.`,
      };
    }
  }
  return { ok: true, assignment: parsed.data };
}
