async function helper(): Promise<void> {
  console.log('helper runs');
}

queueMicrotask(() => console.log('callback from the loop'));
await helper(); // every await gives way: the queued callback runs first
console.log('main: after await helper()');
await new Promise((resolve) => setTimeout(resolve, 0));
console.log('main: after await sleep(0)');
