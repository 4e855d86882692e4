// expect: fails nothing-floating "Were they awaited together with `Promise.all`?"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// Save and load started together: the load fails before the save has finished, and Promise.all rejects at once.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  const [, user] = await Promise.all([saveUser(ada), loadUser(1)]);
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
