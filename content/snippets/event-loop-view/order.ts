console.log('script starts');

setTimeout(() => {
  console.log('timer 1 fires');
  Promise.resolve().then(() => console.log('promise callback queued by timer 1'));
}, 0);

setTimeout(() => console.log('timer 2 fires'), 0);

Promise.resolve().then(() => console.log('promise callback'));
queueMicrotask(() => console.log('queueMicrotask callback'));

console.log('script ends');
