// Which turn does each line run in? Edit and run to find out.
console.log('sync: first line of the script');

setTimeout(() => console.log('timer: setTimeout 0'), 0);

Promise.resolve('ready').then((value) => {
  console.log(`microtask: promise callback (${value})`);
});

queueMicrotask(() => console.log('microtask: queueMicrotask'));

console.log('sync: last line of the script');
