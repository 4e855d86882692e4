// expect: fails calls-operation "2 times"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Starting');
  operation();
  await operation();
  console.log('Finished');
}
