/** Addresses of the exercise pages. */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export const EXERCISES_HREF = `${base}/exercises/`;

export function exerciseHref(id: string): string {
  return `${base}/exercises/${id}/`;
}
