// runs-in: node
const never = new Promise<string>(() => {});
never.then((value) => console.log('then ran with', value));
// Only timers, sockets, child processes and the like keep Node running.
// A pending promise is not one of them: Node exits 0, and the .then never runs.
console.log('script ends');
