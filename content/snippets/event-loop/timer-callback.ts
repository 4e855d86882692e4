setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('callback queued by timer 1'));
}, 100);
setTimeout(() => console.log('timer 2'), 100);
