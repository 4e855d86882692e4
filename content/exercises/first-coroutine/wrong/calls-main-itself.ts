// expect: fails output "call `main()` itself"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Starting');
  await operation();
  console.log('Finished');
}

main();
