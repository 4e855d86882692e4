// expect: fails order-matches "`forEach` and `map` don't wait"
export function demo(): void {
  ['a', 'b'].forEach(async (name) => {
    await null;
    console.log(`done ${name}`);
  });
  console.log('all done');
  setTimeout(() => console.log('timer'), 0);
}

// Expects forEach to wait for each async callback before going on.
export const predicted: string[] = ['done a', 'done b', 'all done', 'timer'];
