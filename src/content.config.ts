// the course's content, validated at build time: chapters (the course map) and lessons
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema, lessonSchema } from './content/schemas.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/chapters/en' }),
  schema: chapterSchema,
});

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons/en' }),
  schema: lessonSchema,
});

export const collections = { chapters, lessons };
