import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lib/content/lesson-schema.ts';

export const collections = {
  /** The course: one MDX file per lesson, `content/lessons/NN-slug.mdx`. */
  lessons: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/lessons' }),
    schema: lessonSchema,
  }),
};
