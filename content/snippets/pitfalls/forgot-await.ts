import { sleep } from '@course/helpers';

async function save(file: string) {
  await sleep(200);
  console.log(`saved ${file}`);
  return file.length;
}

async function main() {
  // no await:
  const size = save('notes.txt');
  console.log(`size: ${size}`);
  console.log('main done');
}

await main();
