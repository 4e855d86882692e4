// expect: fails main-fulfils "user 1 not found"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// Awaits the load and the email, but the save is only started, not waited for.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  saveUser(ada);
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
