// expect: fails nothing-floating "sendEmail(Ada)"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// The email is sent "in the background": main says done and returns while it is still going.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  await saveUser(ada);
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  sendEmail(user, 'welcome');
  console.log('done');
}
