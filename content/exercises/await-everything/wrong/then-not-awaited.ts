// expect: fails output "before the email had gone"
import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

// The .then chain is right, but nobody waits for it before printing "done".
export async function main(): Promise<void> {
  const ada: User = { id: 1, name: 'Ada' };
  await saveUser(ada);
  loadUser(1).then((user) => {
    console.log(`loaded ${user.name}`);
    return sendEmail(user, 'welcome');
  });
  console.log('done');
}
