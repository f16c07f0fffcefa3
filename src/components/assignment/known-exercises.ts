// the course's exercises as assignment pages need them (build time): id, title, chapter, timed or not
import { getCollection } from 'astro:content';
import type { KnownExercise } from './assignment-client.ts';

export async function knownExercises(): Promise<KnownExercise[]> {
  const entries = await getCollection('exercises');
  return entries
    .map((e) => ({ id: e.data.id, title: e.data.title, chapter: e.data.chapter, challenge: e.data.challenge !== undefined }))
    .sort((a, b) => a.chapter - b.chapter || a.id.localeCompare(b.id));
}
