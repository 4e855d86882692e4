import { sleep } from '@course/helpers';

async function ping(
  region: string,
  ms: number,
) {
  await sleep(ms);
  return `${region} answered in ${ms} ms`;
}

const pings = [
  ping('europe', 300),
  ping('americas', 100),
  ping('asia', 200),
];
// Handle each one the moment it settles.
await Promise.all(
  pings.map((p) => p.then(console.log)),
);
console.log('all regions answered');
