// expect: fails in-order "a sleep that guesses"
import { loadUser, saveUser, sendEmail, sleep, type User } from '@course/helpers';

// Waits for "about as long as a save takes" instead of waiting for the save.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  saveUser(ada);
  await sleep(200);
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
