// expect: fails finished-after "before operation() finished"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Starting');
  operation();
  console.log('Finished');
}
