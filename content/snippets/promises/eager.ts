async function job(): Promise<void> {
  console.log('job: starts');
  await null;
  console.log('job: ends');
}

const task = job(); // runs up to its first await, now
console.log('main: task created');
await task;
