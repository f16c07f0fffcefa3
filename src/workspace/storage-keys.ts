// the localStorage keys the course writes under, apart from their schemas: the page asks
// whether a learner has saved work here before it loads the code that validates that work
export const KEY_PREFIX = 'kubesim:';
export const PROGRESS_KEY = 'kubesim:progress';
export const LESSON_PREFIX = 'kubesim:lesson:';
export const QUARANTINE_PREFIX = 'kubesim:quarantine:';

export const lessonKey = (lessonId: string): string => LESSON_PREFIX + lessonId;
