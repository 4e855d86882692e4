import { sleep } from '@course/helpers';

console.log('wait…');
await sleep(500); // the course's sleep: milliseconds
console.log('half a second later');
// Outside the course, Node's own promise timer does the same:
//   import { setTimeout as sleep } from 'node:timers/promises';
// and in any JavaScript:
await new Promise((resolve) => setTimeout(resolve, 500));
console.log('and another');
