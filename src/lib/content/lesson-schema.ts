/**
 * The lesson schema and the pure rules around it (slugs, ordering).
 *
 * Kept free of `astro:*` imports so Vitest can test it in plain Node;
 * `src/content.config.ts` wires it into the `lessons` collection.
 */
import { z } from 'astro/zod';
import { SECTIONS, type Section } from './sections.ts';

export { SECTIONS, type Section };

/** Human labels for the sections, shown on the course map. */
export const SECTION_LABELS: Record<Section, string> = {
  introduction: 'Introduction',
  coroutines: 'Coroutines',
  'event-loop': 'The event loop',
  tasks: 'Tasks',
  'practical-example': 'A practical example',
  performance: 'Performance',
  'best-practices': 'Best practices',
  pitfalls: 'Common pitfalls',
  conclusion: 'Conclusion',
  beyond: 'Beyond the article',
};

/** Frontmatter of one lesson, `content/lessons/NN-slug.mdx`. */
export const lessonSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe('Lesson title, shown as the page heading, in the sidebar and in prev/next links.'),
    summary: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]*$/, 'summary must be a single line')
      .describe('One line saying what the learner gets from the lesson; shown on the course map and as the meta description.'),
    section: z
      .enum(SECTIONS)
      .describe("Which of the article's sections the lesson covers; 'beyond' for material past the article, such as cancellation."),
    order: z
      .number()
      .int()
      .positive()
      .describe('Position in the course, unique across lessons; lessons are listed and linked (prev/next) in ascending order.'),
  })
  .describe('Frontmatter of a lesson in content/lessons/NN-slug.mdx.');

export type LessonData = z.infer<typeof lessonSchema>;

/** `content/lessons/` file names: two digits, a dash, a kebab-case slug. */
const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/**
 * The URL slug of a lesson file: its name without the `NN-` prefix and the
 * extension, so renumbering lessons never changes their URLs.
 */
export function lessonSlug(filePath: string): string {
  const name = filePath.split(/[\\/]/).pop() ?? filePath;
  const match = FILE_NAME.exec(name);
  if (!match) {
    throw new Error(`${filePath}: a lesson file must be named NN-slug.mdx (e.g. 03-event-loop.mdx)`);
  }
  return match[2]!;
}

/** What `orderLessons` needs from a collection entry. */
interface LessonEntryLike {
  filePath?: string | undefined;
  id: string;
  data: LessonData;
}

export type OrderedLesson<E extends LessonEntryLike> = E & { slug: string };

/**
 * Sorts lessons by `order` and adds their slug. Throws, naming both files,
 * when two lessons share an `order` or a slug, because either would make the
 * course's sequence or its URLs ambiguous.
 */
export function orderLessons<E extends LessonEntryLike>(entries: readonly E[]): OrderedLesson<E>[] {
  const byOrder = new Map<number, string>();
  const bySlug = new Map<string, string>();
  const lessons = entries.map((entry) => {
    const file = entry.filePath ?? entry.id;
    const slug = lessonSlug(file);
    const sameOrder = byOrder.get(entry.data.order);
    if (sameOrder !== undefined) {
      throw new Error(`Duplicate lesson order ${entry.data.order}: ${sameOrder} and ${file}. Each lesson needs its own "order".`);
    }
    const sameSlug = bySlug.get(slug);
    if (sameSlug !== undefined) {
      throw new Error(`Duplicate lesson slug "${slug}": ${sameSlug} and ${file}.`);
    }
    byOrder.set(entry.data.order, file);
    bySlug.set(slug, file);
    return { ...entry, slug };
  });
  return lessons.sort((a, b) => a.data.order - b.data.order);
}
