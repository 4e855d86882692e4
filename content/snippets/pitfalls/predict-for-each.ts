import { sleep } from '@course/helpers';

async function upload(file: string) {
  console.log(`uploading ${file}`);
  await sleep(100);
  console.log(`uploaded ${file}`);
}

const files = ['a.png', 'b.png'];
files.forEach(async (file) => {
  await upload(file);
});
console.log('all uploaded');
