/**
 * The Node.js runtime's own chunk, loaded once WebContainer has booted: the
 * runner and the harness bundle it mounts (virtual:course-node-harness,
 * built by vite-plugin.mjs). Nothing here is fetched while the boot is
 * pending or when it fails.
 */
import harness from 'virtual:course-node-harness';
import type { WebContainerLike } from '../lib/runtime/webcontainer/api.ts';
import { WebContainerRunner } from '../lib/runtime/webcontainer/webcontainer-runner.ts';

export function createNodeRunner(container: WebContainerLike): WebContainerRunner {
  return new WebContainerRunner(container, harness);
}
