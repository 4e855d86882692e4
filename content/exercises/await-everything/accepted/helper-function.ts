import { loadUser, saveUser, sendEmail, type User } from '@course/helpers';

/** Saves a user and reads it back: the read only starts once the write is done. */
async function register(user: User): Promise<User> {
  await saveUser(user);
  return loadUser(user.id);
}

export const main = async (): Promise<void> => {
  const user = await register({ id: 1, name: 'Ada' });
  console.log(`loaded ${user.name}`);
  await sendEmail(user, 'welcome');
  console.log('done');
};
