import { operation } from '@course/helpers';

export const main = async () => {
  console.log('Starting');
  const result: string = await operation();
  if (result !== 'ok') throw new Error(`unexpected result ${result}`);
  console.log('Finished');
};
