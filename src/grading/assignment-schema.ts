// an assignment (content/assignments/<id>.yaml): exercises an instructor hands out, with a
// title, a due date and instructions. the same three facts travel in a shareable link too
// (assignment-link.ts), for instructors who do not publish files.
import { z } from '../sim/zod.ts';

export const exerciseIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'an exercise id such as services/expose-hostname');

/** a day (2026-03-01) or an instant with its offset (2026-03-01T23:59:00+09:00); quote it in YAML */
export const dueSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const assignmentSchema = z.object({
  /** matches the file's name */
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case words joined by dashes'),
  title: z.string().min(1),
  due: dueSchema,
  /** in the order learners should do them */
  exercises: z.array(exerciseIdSchema).min(1),
  /** what the instructor wants learners to know, in Markdown */
  instructions: z.string().default(''),
});

export type Assignment = z.output<typeof assignmentSchema>;
