import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// Once Ada is saved, the email and the load don't depend on each other,
// so they can run at the same time, as long as main waits for both.
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  await saveUser(ada);
  const emailing = sendEmail(ada, 'welcome');
  const user = await loadUser(1);
  console.log(`loaded ${user.name}`);
  await emailing;
  console.log('done');
}
