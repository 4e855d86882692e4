import { sleep } from '@course/helpers';

async function brew(name: string, ms: number): Promise<string> {
  await sleep(ms);
  console.log(`${name} ready`);
  return name;
}

const tea = brew('tea', 300); // starts now
console.log('tea started');
await brew('toast', 100);
console.log(await tea);
