import { loadUser, saveUser, sendEmail } from '@course/helpers';

// Not async: one promise chain, returned so the caller can wait for all of it.
export function main(): Promise<void> {
  return saveUser({ id: 1, name: 'Ada' })
    .then(() => loadUser(1))
    .then((user) => {
      console.log(`loaded ${user.name}`);
      return sendEmail(user, 'welcome');
    })
    .then(() => console.log('done'));
}
