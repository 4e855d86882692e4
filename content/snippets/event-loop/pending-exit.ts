// runs-in: node
// exits-with: 13
console.log('waiting for a promise that nobody can resolve…');
// No timer, socket or child process is left, so Node has nothing to wait
// for: it stops here with exit code 13 ("unsettled top-level await").
await new Promise(() => {});
console.log('never printed');
