// expect: fails main-waits "`setTimeout` callback"
import { operation } from '@course/helpers';

// No .then anywhere: "Finished" is printed by a timer that main never waits for.
export async function main(): Promise<void> {
  console.log('Starting');
  operation();
  setTimeout(() => console.log('Finished'), 1000);
}
