/**
 * The offline service worker's figures, from the build itself: what its
 * precache downloads on a first visit (every file the generated sw.js lists,
 * raw and gzip), and the registration's share of each page's first-load JS.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { registrationScript, SW_FILE } from '../../src/lib/offline/plan.ts';

export interface OfflineBench {
  /** Whether the build has a service worker (COURSE_OFFLINE=0 or COURSE_COI_SW=1 builds have none). */
  enabled: boolean;
  /** Files in the precache. */
  precacheFiles: number;
  /** Their size on disk. */
  precacheBytes: number;
  /** Their size gzip-compressed, about what a first visit downloads for it from a host that compresses. */
  precacheGzipBytes: number;
  /** sw.js itself (Workbox inlined), gzip. */
  workerGzipBytes: number;
  /** The inline registration script, in every page, gzip (counted in each page's first-load JS). */
  registrationGzipBytes: number;
}

const gz = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

export function offlineBench(dist: string, base = '/'): OfflineBench {
  const sw = join(dist, SW_FILE);
  if (!existsSync(sw)) return { enabled: false, precacheFiles: 0, precacheBytes: 0, precacheGzipBytes: 0, workerGzipBytes: 0, registrationGzipBytes: 0 };
  const source = readFileSync(sw, 'utf8');
  // generateSW writes the manifest as `{url:"…",revision:…}` entries (quoted keys in some versions).
  const urls = [...new Set([...source.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const file = join(dist, decodeURIComponent(url));
    if (!existsSync(file)) continue;
    bytes += statSync(file).size;
    gzipBytes += gz(readFileSync(file));
  }
  return {
    enabled: true,
    precacheFiles: urls.length,
    precacheBytes: bytes,
    precacheGzipBytes: gzipBytes,
    workerGzipBytes: gz(source),
    registrationGzipBytes: gz(registrationScript(base)),
  };
}
