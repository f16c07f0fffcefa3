// the course's content, validated at build time: chapters (the course map), lessons, and the
// graded exercises and assignments (their schemas live with the grader, which reads the same files)
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema, lessonSchema } from './content/schemas.ts';
import { assignmentSchema } from './grading/assignment-schema.ts';
import { exerciseSchema } from './grading/exercise-schema.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/chapters/en' }),
  schema: chapterSchema,
});

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons/en' }),
  schema: lessonSchema,
});

const exercises = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: './content/exercises' }),
  schema: exerciseSchema,
});

const assignments = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/assignments' }),
  schema: assignmentSchema,
});

export const collections = { chapters, lessons, exercises, assignments };
