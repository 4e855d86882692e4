async function greet(): Promise<string> {
  console.log('greet: running');
  return 'hello';
}

const pending = greet(); // already ran its body
console.log('called greet()');
console.log(await pending);
