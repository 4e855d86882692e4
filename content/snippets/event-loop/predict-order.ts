async function fetchUser(): Promise<void> {
  console.log('fetchUser starts');
  await Promise.resolve();
  console.log('fetchUser resumes');
}

setTimeout(() => console.log('timeout fires'), 0);
fetchUser();
Promise.resolve().then(() => console.log('then runs'));
console.log('script ends');
