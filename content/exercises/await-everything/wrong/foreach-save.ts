// expect: fails in-order "before saveUser had finished"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// forEach doesn't wait for an async callback, so the load starts before the save is done.
export async function main(): Promise<void> {
  const newUsers: User[] = [{ id: 1, name: 'Ada' }];
  newUsers.forEach(async (user) => {
    await saveUser(user);
  });
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
