/**
 * The browser runtime's worker entry, built by Vite as one classic script;
 * the page hands its text to the sandbox frame, which starts it from a blob
 * URL, fresh for each run.
 *
 * Two imports, in this order on purpose: the prelude must run before any
 * harness module captures the worker's primitives, and the harness module's
 * eager import.meta.glob of the check specs is hoisted above everything else
 * in its own file, so the prelude can't live there.
 */
import './worker-prelude.ts';
import './sandbox-harness.ts';
