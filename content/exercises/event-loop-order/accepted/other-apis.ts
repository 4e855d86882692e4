// The same three phases with other APIs: queueMicrotask, setImmediate,
// timers with different delays, and a microtask queued from inside a timer.
export function demo(): void {
  setTimeout(() => console.log('timer 20 ms'), 20);
  setTimeout(() => {
    console.log('timer 5 ms');
    queueMicrotask(() => console.log('microtask from timer 5 ms'));
  }, 5);
  queueMicrotask(() => console.log('microtask'));
  console.log('sync');
}

export const predicted: string[] = ['sync', 'microtask', 'timer 5 ms', 'microtask from timer 5 ms', 'timer 20 ms'];
