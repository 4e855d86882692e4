import {
  defineExercise,
  elapsed,
  mismatch,
  ms,
  nothingFloating,
  noUnhandledRejections,
  output,
  quoteList,
  spansLabelled,
  type CaseCheck,
  type HarnessApi,
  type ScenarioObservation,
} from '../../../src/lib/exercise/kit.ts';

type User = { id: number; name: string };

interface Timings {
  saveMs: number;
  loadMs: number;
  emailMs: number;
}

/** The contract's timings, used by Run and by the first Check case. */
const CONTRACT: Timings = { saveMs: 200, loadMs: 100, emailMs: 300 };
/**
 * A second case where saving is slower: code that guessed how long to wait
 * (a sleep instead of an await) loads too early here.
 */
const SLOW_SAVE: Timings = { saveMs: 450, loadMs: 150, emailMs: 250 };

const EXPECTED = ['loaded Ada', 'email to Ada: welcome', 'done'];

/** A tiny user store: a user becomes visible when saveUser finishes; loadUser reads the store when it finishes. */
function setup(t: Timings, h: HarnessApi) {
  const store = new Map<number, User>();
  const calls = { saveUser: 0, loadUser: 0, sendEmail: 0 };
  const count = (name: keyof typeof calls) => {
    calls[name]++;
    h.record('calls', calls);
  };
  h.record('calls', calls);
  const nameOf = (user: unknown) => String((user as User | undefined)?.name);
  const helpers = {
    saveUser: (user: User): Promise<void> => {
      count('saveUser');
      const copy = { ...user };
      return h.operation(`saveUser(${nameOf(user)})`, t.saveMs, () => {
        store.set(copy.id, copy);
      });
    },
    loadUser: (id: number): Promise<User> => {
      count('loadUser');
      if (!store.has(id)) h.record('loadedBeforeSaved', true);
      return h.operation(`loadUser(${id})`, t.loadMs, () => {
        const user = store.get(id);
        if (!user) throw new Error(`user ${id} not found`);
        return { ...user };
      });
    },
    sendEmail: (user: User, subject: string): Promise<void> => {
      count('sendEmail');
      return h.operation(`sendEmail(${nameOf(user)})`, t.emailMs, () => {
        h.log(`email to ${nameOf(user)}: ${subject}`);
      });
    },
  };
  return { helpers, call: (x: { main: () => unknown }) => x.main() };
  return { helpers, call: (x: { main: () => unknown }) => x.main() };
}

/** Why the output is wrong, in terms of what the code probably did. */
function explainOutput(o: ScenarioObservation, actual: string[]): string {
  const loaded = actual.find((l) => l.startsWith('loaded'));
  const loadSpan = spansLabelled(o, /^loadUser/)[0];
  if (loaded === 'loaded [object Promise]' || loaded?.includes('Promise {')) {
    return `You printed "${loaded}": that is the promise loadUser returned, not the user. \`await\` it to get the user.`;
  }
  if (loaded === 'loaded undefined') {
    return 'You printed "loaded undefined": a promise has no `name`. `await loadUser(1)` to get the user first.';
  }
  if (!actual.includes('loaded Ada') && loadSpan?.outcome === 'error') {
    const how = o.settled.state === 'fulfilled' ? ' and main still finished normally, so the error was caught and dropped: is there an empty catch?' : '';
    return `"loaded Ada" is missing: loadUser(1) failed with "user 1 not found"${how}. The user was not saved yet: \`await saveUser(...)\` before loading it.`;
  }
  const done = actual.indexOf('done');
  const email = actual.indexOf('email to Ada: welcome');
  if (done >= 0 && email > done) {
    return '"done" was printed before the email had gone. `await sendEmail(...)` before printing "done".';
  }
  const missing = EXPECTED.filter((l) => !actual.includes(l));
  const extra = actual.filter((l) => !EXPECTED.includes(l));
  if (actual.length === 0) return 'Your code printed nothing.';
  if (!missing.length && !extra.length) return 'The right lines, in the wrong order.';
  return `${missing.length ? `Missing: ${quoteList(missing)}. ` : ''}${extra.length ? `Not expected: ${quoteList(extra)}.` : ''}`.trim();
}

function outputCheck(): CaseCheck<Timings> {
  return {
    id: 'output',
    title: 'Prints "loaded Ada", "email to Ada: welcome", "done"',
    verify: (o) => {
      const actual = output(o);
      if (JSON.stringify(actual) === JSON.stringify(EXPECTED)) return undefined;
      return mismatch(`The output doesn't match. ${explainOutput(o, actual)}`, EXPECTED, actual);
    },
  };
}

function inOrderCheck(): CaseCheck<Timings> {
  return {
    id: 'in-order',
    title: 'Each step uses the real helpers and waits for the step it depends on',
    verify: (o) => {
      const calls = (o.record.calls ?? {}) as Record<string, number>;
      const helpers = ['saveUser', 'loadUser', 'sendEmail'];
      const never = helpers.filter((helper) => (calls[helper] ?? 0) === 0);
      if (never.length === helpers.length) {
        return (
          `saveUser(…), loadUser(…) and sendEmail(…) were never called. The lines have to come from the real work: save Ada, load her back, send the email. Printing them yourself doesn't do any of it.`
        );
      }
      const many = helpers.find((helper) => (calls[helper] ?? 0) > 1);
      if (many) return `${many}(…) was called ${calls[many]} times; call it once and await that call.`;
      const save = spansLabelled(o, /^saveUser/)[0];
      const load = spansLabelled(o, /^loadUser/)[0];
      if (o.record.loadedBeforeSaved === true) {
        return (
          `loadUser(1) was called at ${ms(load?.start)}, before saveUser had finished${save?.end != null ? ` (at ${ms(save.end)})` : save ? ' (it never did)' : ' (it was never called)'}. ` +
            'Calling saveUser only starts the save. `await saveUser(...)` so the user is stored before you load it; a sleep that guesses how long saving takes breaks as soon as saving is slower.'
        );
      }
      if (never.length) {
        return `${never.join(' and ')}(…) ${never.length === 1 ? 'was' : 'were'} never called. Each step has to be done for real: save Ada, load her back, send the email.`;
      }
      const loadedLine = o.logs.find((l) => l.text === 'loaded Ada');
      if (loadedLine && load?.endSeq !== undefined && loadedLine.seq < load.endSeq) {
        return `"loaded Ada" was printed at ${ms(loadedLine.t)}, before loadUser(1) had finished. Print the name of the user that loadUser gives you.`;
      }
      const email = spansLabelled(o, /^sendEmail/)[0];
      const doneLine = o.logs.find((l) => l.text === 'done');
      if (doneLine && (email?.endSeq === undefined || doneLine.seq < email.endSeq)) {
        return (`"done" was printed at ${ms(doneLine.t)}, before sendEmail had finished. \`await sendEmail(...)\` first.`);
      }
      return undefined;
    },
  };
}

function fulfilsCheck(): CaseCheck<Timings> {
  return {
    id: 'main-fulfils',
    title: 'main finishes without an error',
    verify: (o) => {
      if (o.settled.state === 'fulfilled') return undefined;
      if (o.settled.state === 'rejected') {
        const { name, message } = o.settled.error;
        const notFound = /not found/.test(message);
        return (
          `main failed at ${ms(elapsed(o))} with ${name}: ${message}. ` +
            (notFound
              ? 'loadUser ran before the user had been saved: calling saveUser only starts the save. `await saveUser(...)` before loading.'
              : 'Every step here can succeed; look at what threw.')
        );
      }
      return `main never finished.`;
    },
  };
}

export default defineExercise({
  exports: { main: 'function' },
  example: CONTRACT,
  cases: { main: () => CONTRACT, 'slow-save': () => SLOW_SAVE },
  where: (t) => `In the case where saveUser takes ${ms(t.saveMs)}`,
  setup,
  checks: [outputCheck(), inOrderCheck(), fulfilsCheck(), nothingFloating(), noUnhandledRejections()],
});
