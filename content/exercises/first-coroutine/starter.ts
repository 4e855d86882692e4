import { operation } from '@course/helpers';

// Print "Starting", wait for operation() to finish, then print "Finished".
export async function main(): Promise<void> {
  console.log('Starting');
  // your code here
}
