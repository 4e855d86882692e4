import { operation } from '@course/helpers';

// A timer of its own is fine when main waits for it, and the real operation is still awaited.
export async function main(): Promise<void> {
  console.log('Starting');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await operation();
  console.log('Finished');
}
