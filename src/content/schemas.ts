// one schema per content concept; every field says what it is for
import { z } from 'astro/zod';

export const chapterSchema = z.object({
  /** position in the course map, 1-based */
  number: z.number().int().positive(),
  title: z.string().min(1),
  /** one sentence: what the chapter is about */
  summary: z.string().min(1),
  /** what the learner can do afterwards, each starting with a verb */
  objectives: z.array(z.string().min(1)).min(1),
});

export const lessonSchema = z.object({
  title: z.string().min(1),
  /** the chapter's number, matching a file in content/chapters */
  chapter: z.number().int().positive(),
  /** position within the chapter, 1-based */
  order: z.number().int().positive(),
  description: z.string().min(1),
  objectives: z.array(z.string().min(1)).min(1),
  /** what the cluster looks like when the lesson opens */
  startingState: z.enum(['default-cluster']).default('default-cluster'),
  estimatedMinutes: z.number().int().positive(),
});

export type Chapter = z.infer<typeof chapterSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
