// expect: fails calls-operation "without `()`"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Starting');
  await operation;
  console.log('Finished');
}
