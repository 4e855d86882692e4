import { sleep } from '@course/helpers';

async function download(name: string, ms: number): Promise<string> {
  await sleep(ms);
  console.log(`${name} arrived`);
  return name;
}

const all = Promise.all([
  download('report.pdf', 300),
  download('photo.jpg', 100),
  download('notes.txt', 200),
]);
console.log('waiting…');
const files = await all;
console.log(`saved: ${files.join(', ')}`);
