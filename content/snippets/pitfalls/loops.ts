import { sleep } from '@course/helpers';

const t0 = Date.now();
const ms = () => Date.now() - t0;

async function upload(file: string) {
  await sleep(100);
  console.log(`${file} at ${ms()} ms`);
}

const files = ['a.png', 'b.png', 'c.png'];

// One after another: for...of with await.
for (const file of files) {
  await upload(file);
}
console.log(`in turn: ${ms()} ms`);

// All at once: map, then Promise.all.
await Promise.all(files.map(upload));
console.log(`together: ${ms()} ms`);
