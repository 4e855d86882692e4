import { sleep } from '@course/helpers';

async function step(name: string, ms: number): Promise<string> {
  await sleep(ms);
  return name;
}

const coffee = step('coffee', 500); // the machine starts brewing
await step('shower', 300);
await step('get dressed', 300);
console.log(`${await coffee} is ready`);
