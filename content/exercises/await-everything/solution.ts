import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  await saveUser(ada); // Ada is in the store only once this has finished
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
}
