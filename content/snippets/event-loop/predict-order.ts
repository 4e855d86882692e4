async function fetchUser(): Promise<void> {
  console.log('fetchUser starts');
  await Promise.resolve();
  console.log('fetchUser resumes');
}

Promise.resolve().then(() => console.log('then runs'));
setTimeout(() => console.log('timeout fires'), 0);
fetchUser();
console.log('script ends');
