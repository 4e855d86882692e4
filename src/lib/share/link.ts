/**
 * A learner's attempt as a link: the code, compressed with lz-string, in the
 * URL's fragment (`#share=…`), which browsers never send to a server. Pure:
 * no DOM; the page side is src/islands/share.ts.
 *
 * Why lz-string: `compressToEncodedURIComponent` gives URL-safe text with no
 * escaping step, and it is small (about 5 KB, loaded only when a link is
 * made or opened). The TypeScript Playground's links use the same scheme.
 *
 * Whatever a fragment holds is someone else's input: it is decoded into a
 * schema-checked value or refused with a message a learner can act on, and
 * its code is only ever shown as text.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import * as z from 'zod/mini';

/** The fragment's key: `#share=<payload>`. */
export const SHARE_KEY = 'share';

/** Most code a link may carry, in bytes of UTF-8. Longer attempts are refused, when made and when opened. */
export const MAX_CODE_BYTES = 8 * 1024;

/**
 * Most characters of compressed payload read from a fragment. 8 KB of code
 * compresses to well under this; the cap keeps a doctored link from making
 * the page decompress something huge.
 */
export const MAX_PAYLOAD_CHARS = 24_000;

/** What a link carries, once decompressed: JSON of this shape. */
export const SharedAttemptSchema = z.object({
  /** Format version, for links made by a later course. */
  v: z.literal(1),
  /** The exercise the code is for (its folder name under content/exercises/). */
  exercise: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  /** The learner's code, as it was in their editor. */
  code: z.string(),
});
export type SharedAttempt = z.infer<typeof SharedAttemptSchema>;

export type ShareResult<T> = { ok: true; value: T } | { ok: false; message: string };

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const TOO_LONG_MESSAGE = `This code is longer than ${MAX_CODE_BYTES / 1024} KB, too long to share as a link.`;
export const TOO_LONG_LINK_MESSAGE = `This shared link holds more than ${MAX_CODE_BYTES / 1024} KB of code, so it was not opened.`;
export const MALFORMED_MESSAGE = 'This shared link is damaged or incomplete (it may have been cut off when copied), so it was not opened.';

/** The fragment (without `#`) for an attempt, or a message if the code is too long to share. */
export function encodeShare(exercise: string, code: string): ShareResult<string> {
  if (utf8Bytes(code) > MAX_CODE_BYTES) return { ok: false, message: TOO_LONG_MESSAGE };
  const attempt: SharedAttempt = { v: 1, exercise, code };
  if (!SharedAttemptSchema.safeParse(attempt).success) return { ok: false, message: 'This exercise cannot be shared as a link.' };
  return { ok: true, value: `${SHARE_KEY}=${compressToEncodedURIComponent(JSON.stringify(attempt))}` };
}

/** The payload of a `share=` fragment, or undefined when the fragment is about something else (a heading's id, say). */
export function sharePayload(fragment: string): string | undefined {
  const text = fragment.replace(/^#/, '');
  const prefix = `${SHARE_KEY}=`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

/** Decodes a `share=` payload into an attempt, or a message saying why it can't be opened. */
export function decodeShare(payload: string): ShareResult<SharedAttempt> {
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, message: TOO_LONG_LINK_MESSAGE };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, message: MALFORMED_MESSAGE };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: MALFORMED_MESSAGE };
  }
  const parsed = SharedAttemptSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: MALFORMED_MESSAGE };
  if (utf8Bytes(parsed.data.code) > MAX_CODE_BYTES) return { ok: false, message: TOO_LONG_LINK_MESSAGE };
  return { ok: true, value: parsed.data };
}

/** The page a link opens: the exercise's own page under the site's base, with the attempt in its fragment. */
export function shareUrl(origin: string, base: string, exercise: string, fragment: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${origin}${root}exercises/${exercise}/#${fragment}`;
}
