// runs-in: node
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny local server, so the requests are real.
const server = createServer((req, res) => res.end(`page ${req.url}`)).listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urls = [`${base}/a`, `${base}/b`];

try {
  // map calls fetch(url, index, array): the index lands where fetch
  // expects its options. The type checker rejects this line too:
  // @ts-expect-error TS2345, number is not assignable to RequestInit
  await Promise.all(urls.map(fetch));
} catch (err) {
  console.log(`urls.map(fetch): ${(err as Error).name}`);
}

// Pass only the URL:
const responses = await Promise.all(urls.map((url) => fetch(url)));
console.log(await Promise.all(responses.map((r) => r.text())));
server.close();
