import { blockFor, sleep }
  from '@course/helpers';

// A watchdog: it wants a turn every
// 50 ms, and says when it gets one late.
let due = Date.now() + 50;
const watchdog = setInterval(() => {
  const late = Date.now() - due;
  if (late > 20) {
    console.log(`stalled: ${late} ms late`);
  }
  due = Date.now() + 50;
}, 50);

await sleep(120);
console.log('parsing a big report...');
blockFor(300); // a blocking call
console.log('parsed');
await sleep(120);
clearInterval(watchdog);
