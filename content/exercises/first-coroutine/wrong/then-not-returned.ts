// expect: fails main-waits "main finished before"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Starting');
  operation().then(() => console.log('Finished'));
}
