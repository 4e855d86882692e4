// expect: fails output "Missing"
import { operation } from '@course/helpers';

export async function main(): Promise<void> {
  console.log('Started');
  await operation();
  console.log('Done');
}
