// No helpers at all: a promise around setTimeout is the classic non-blocking wait.
function work(n: number): Promise<string> {
  return new Promise((resolve) => setTimeout(() => resolve(`result ${n}`), 1000));
}

export function main(): Promise<void> {
  return Promise.all([work(1), work(2), work(3)]).then((results) => {
    console.log(results.join(', '));
    console.log('all done');
  });
}
