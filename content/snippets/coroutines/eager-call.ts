async function greet(): Promise<string> {
  console.log('greet: running');
  return 'hello';
}

const pending = greet(); // runs its body now
console.log('called greet()');
console.log(await pending);
