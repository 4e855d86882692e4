console.log('1. script starts');

setTimeout(() => {
  console.log('5. first timer fires');
  Promise.resolve().then(() => console.log('6. promise callback queued by the timer'));
}, 0);

setTimeout(() => console.log('7. second timer fires'), 0);

Promise.resolve().then(() => console.log('3. promise callback'));
queueMicrotask(() => console.log('4. queued microtask'));

console.log('2. script ends');
