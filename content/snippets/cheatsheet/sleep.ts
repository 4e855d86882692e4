import { setTimeout as sleep } from 'node:timers/promises';

console.log('wait…');
await sleep(500); // Node's promise timer
console.log('half a second later');
// The same with plain setTimeout (browsers too):
await new Promise((resolve) => setTimeout(resolve, 500));
console.log('and another');
