// reading exercise files from disk (Node only: the CLI and the tests). the site reads the same
// files through Astro's content collection with the same schema.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { exerciseSchema, type Exercise } from './exercise-schema.ts';

export const EXERCISES_DIR = fileURLToPath(new URL('../../content/exercises', import.meta.url));

export interface LoadedExercises {
  exercises: Exercise[];
  /** one message per file that failed to load, naming the file */
  errors: string[];
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** parses one exercise file; its id must match its path */
export function parseExerciseFile(text: string, id: string): { exercise: Exercise } | { error: string } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return { error: `${id}: not valid YAML: ${(error as Error).message}` };
  }
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { error: `${id}: ${issues.join('; ')}` };
  }
  if (parsed.data.id !== id) return { error: `${id}: the id field says ${parsed.data.id}, but the file's path makes it ${id}` };
  return { exercise: parsed.data };
}

export function loadExercises(dir = EXERCISES_DIR): LoadedExercises {
  const out: LoadedExercises = { exercises: [], errors: [] };
  for (const path of yamlFiles(dir)) {
    const id = relative(dir, path)
      .split(sep)
      .join('/')
      .replace(/\.ya?ml$/, '');
    const result = parseExerciseFile(readFileSync(path, 'utf8'), id);
    if ('error' in result) out.errors.push(result.error);
    else out.exercises.push(result.exercise);
  }
  return out;
}
