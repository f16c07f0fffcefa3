// where a lesson lives on the site: its content id without the locale folder
export function lessonSlug(id: string): string {
  return id.replace(/\.mdx$/, '');
}

export function lessonPath(id: string): string {
  return `/lessons/${lessonSlug(id)}/`;
}
