// expect: fails no-unhandled-rejection "user 1 not found"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// Starts the load "to save time" before the save has finished. It rejects while
// main is still awaiting the save, and nothing is listening for that rejection yet.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  const loading = loadUser(1);
  await saveUser(ada);
  const user = await loading;
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
