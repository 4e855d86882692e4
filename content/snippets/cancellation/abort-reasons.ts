// runs-in: node
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as nodeSleep } from 'node:timers/promises';

const describe = (err: unknown) => {
  const e = err as Error;
  const cause = e.cause as Error | undefined;
  return `${e.name}${cause ? ` (cause: ${cause.name}: ${cause.message})` : `: ${e.message}`}`;
};

// A server that never answers, so only the signal can end a request.
const server = createServer(() => {}).listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

// 1. Cancelled by hand, with a reason of our own.
for (const [what, wait] of [
  ['setTimeout', (signal: AbortSignal) => nodeSleep(1000, undefined, { signal })],
  ['fetch', (signal: AbortSignal) => fetch(url, { signal })],
] as const) {
  const controller = new AbortController();
  const pending = wait(controller.signal);
  controller.abort(new Error('user clicked Cancel'));
  await pending.catch((err) => console.log(`${what}, cancelled: ${describe(err)}`));
}

// 2. A deadline: AbortSignal.timeout aborts with a TimeoutError as its reason.
for (const [what, wait] of [
  ['setTimeout', (signal: AbortSignal) => nodeSleep(1000, undefined, { signal })],
  ['fetch', (signal: AbortSignal) => fetch(url, { signal })],
] as const) {
  await wait(AbortSignal.timeout(50)).catch((err) => console.log(`${what}, deadline: ${describe(err)}`));
}

server.closeAllConnections();
server.close();
