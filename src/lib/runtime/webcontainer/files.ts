/**
 * What gets mounted in the container, as a pure function of the run: the
 * learner's code (TypeScript and its pre-transpiled JavaScript), the bundled
 * harness, `run.mjs`/`check.mjs`, a real-time `@course/helpers` for
 * `node main.js`, and a local HTTP server when the lesson has URLs. Nothing
 * needs `npm install`.
 */
import type { Route } from '../../exercise/spec.ts';
import type { FileTreeLike } from './api.ts';

export const SERVER_PORT = 3111;

/**
 * How the harness in node tells the page what a worker would post: an
 * operating-system command (OSC) sequence on a line of its own, which the
 * runner takes out of the output before the terminal sees it.
 */
const MARK = /\x1b\]7799;course:(started|scenario=[^\x07\n]*)\x07/;
const MARKS = new RegExp(`${MARK.source}\\n?`, 'g');

export function terminalMark(message: { type: 'started' } | { type: 'scenario'; scenario: string }): string {
  const body = message.type === 'started' ? 'started' : `scenario=${message.scenario.replace(/[\x00-\x1f]/g, ' ')}`;
  return `\x1b]7799;course:${body}\x07\n`;
}

/** The mark on a line, if it holds one. */
export function readMark(line: string): { type: 'started' } | { type: 'scenario'; scenario: string } | undefined {
  const match = MARK.exec(line);
  if (!match) return undefined;
  return match[1] === 'started' ? { type: 'started' } : { type: 'scenario', scenario: match[1].slice('scenario='.length) };
}

/** Output with the marks taken out, for the terminal. */
export function withoutMarks(chunk: string): string {
  return chunk.replace(MARKS, '');
}

const file = (contents: string) => ({ file: { contents } });

/** Mounted once per tab. */
export function staticFiles(harnessCode: string): FileTreeLike {
  return {
    'package.json': file(JSON.stringify({ name: 'course-sandbox', private: true, type: 'module' }, null, 2)),
    'run.mjs': file("// Runs your code in real time, as the Run button does.\nimport { main } from './.course/harness.mjs';\nawait main('run');\n"),
    'check.mjs': file("// Runs the exercise's checks on a virtual clock, as the Check button does.\nimport { main } from './.course/harness.mjs';\nawait main('check');\n"),
    '.course': { directory: { 'harness.mjs': file(harnessCode), 'server.mjs': file(SERVER_SOURCE) } },
    node_modules: {
      directory: {
        '@course': {
          directory: {
            helpers: {
              directory: {
                'package.json': file(JSON.stringify({ name: '@course/helpers', type: 'module', main: 'index.js' })),
                'index.js': file(HELPERS_SOURCE),
              },
            },
          },
        },
      },
    },
  };
}

/** Written before every run. */
export function runFiles(options: { source: string; javascript: string; request: unknown }): Record<string, string> {
  return {
    'main.ts': options.source,
    'main.js': options.javascript,
    '.course/request.json': JSON.stringify(options.request),
  };
}

/** The routes the server answers, keyed by path (the part after the host). */
export function serverRoutes(routes: Record<string, Route>): Record<string, Route> {
  const byPath: Record<string, Route> = {};
  for (const [url, route] of Object.entries(routes)) {
    const parsed = new URL(url);
    byPath[parsed.pathname + parsed.search] = route;
  }
  return byPath;
}

/** `node main.js` outside the harness: the helpers on the real clock. */
const HELPERS_SOURCE = `// The course helpers on the real clock, for \`node main.js\` in the terminal.
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}
export function blockFor(ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {}
}
`;

/** A real HTTP server with the lesson's latencies: routes come in as JSON on argv. */
const SERVER_SOURCE = `import { createServer } from 'node:http';
const routes = JSON.parse(process.argv[2] || '{}');
createServer((req, res) => {
  const route = routes[req.url];
  if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  setTimeout(() => {
    res.writeHead(route.status, { 'content-type': route.contentType || 'text/plain' });
    res.end(route.body);
  }, route.latency);
}).listen(${SERVER_PORT}, () => console.log('course server on port ${SERVER_PORT}'));
`;
