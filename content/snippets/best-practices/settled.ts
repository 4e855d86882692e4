import { sleep } from '@course/helpers';

async function copy(db: string, ms = 0) {
  await sleep(ms);
  if (db === 'db-2') {
    throw new Error(`${db}: disk full`);
  }
  return `${db}: saved`;
}

const t0 = Date.now();
// Every backup runs to the end.
const results = await Promise.allSettled([
  copy('db-1', 300),
  copy('db-2', 100),
  copy('db-3', 200),
]);
for (const r of results) {
  if (r.status === 'fulfilled') {
    console.log(`ok: ${r.value}`);
  } else {
    const { message } = r.reason as Error;
    console.log(`error: ${message}`);
  }
}
console.log(`took ${Date.now() - t0} ms`);
