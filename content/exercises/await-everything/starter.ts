import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// This runs, but nothing waits for anything: it prints "loaded [object Promise]",
// finishes before the work is done, and the load fails because Ada isn't saved yet.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  saveUser(ada);
  const user = loadUser(1);
  console.log(`loaded ${user}`);
  sendEmail(ada, 'welcome');
  console.log('done');
}
