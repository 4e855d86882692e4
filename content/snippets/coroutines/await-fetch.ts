// fetch answers from a simulated café server, with its own delay: nothing leaves your browser.
async function order(item: string): Promise<string> {
  const response = await fetch(`https://cafe.example/order/${item}`);
  const { ready } = (await response.json()) as { ready: string };
  return ready;
}

console.log('Ordering tea…');
const tea = order('tea'); // the request is on its way; order() paused at its first await
console.log('Meanwhile, finding a table');
console.log('Here it is:', await tea);
