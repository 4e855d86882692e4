type Done = (
  err: Error | null,
  value?: string,
) => void;

// An old callback-style API.
function lookUp(key: string, done: Done) {
  setTimeout(() => {
    if (key === 'phone') {
      done(new Error('not found'));
    } else {
      done(null, `${key} of Ada`);
    }
  }, 100);
}

// Wrap it once, at the edge...
function read(key: string) {
  return new Promise<string>((ok, fail) =>
    lookUp(key, (err, value) =>
      err ? fail(err) : ok(value!),
    ),
  );
}

// ...and use async/await everywhere else.
async function show(keys: string[]) {
  for (const key of keys) {
    try {
      console.log(await read(key));
    } catch (err) {
      const why = (err as Error).message;
      console.log(`skipped ${key}: ${why}`);
    }
  }
}

await show(['name', 'phone', 'email']);
