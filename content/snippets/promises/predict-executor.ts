console.log('before');
const ready = new Promise<string>((resolve) => {
  console.log('executor runs');
  resolve('done');
  console.log('executor ends');
});
ready.then((value) => console.log(`then: ${value}`));
console.log('after');
