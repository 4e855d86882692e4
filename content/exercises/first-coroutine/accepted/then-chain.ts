import { operation } from '@course/helpers';

// Not `async`, but it returns the promise, so whoever calls main can wait for it.
export function main(): Promise<void> {
  console.log('Starting');
  return operation().then(() => {
    console.log('Finished');
  });
}
