let settle!: (value: string) => void;
const order = new Promise<string>((resolve) => {
  settle = resolve;
});

order.then((value) => console.log(`then: ${value}`));
settle('tea');
settle('coffee'); // ignored: a promise settles once
console.log('script ends');
