// expect: fails output "an empty catch"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// The load fails because the save wasn't awaited, and the empty catch hides it.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  try {
    saveUser(ada);
    const user = await loadUser(1);
    console.log(`loaded ${user.name}`);
    await sendEmail(user, 'welcome');
  } catch {
    // ignore
  }
  console.log('done');
}
