/**
 * Run's output, shown at the pace it happened. Run and Check both run on the
 * simulated clock (so they agree about time), and the harness gets through
 * a simulated second in a few milliseconds; the Output panel then plays each
 * line at its own time, as if the program ran in real time: "Finished"
 * appears a second after "Starting" when the code waits a second.
 *
 * Lines streamed during the run (a runaway loop's early output) wait for
 * their time too; when the run is over its full, time-ordered rows replace
 * whatever was streamed. Nothing waits longer than PACE_LIMIT_MS: anything
 * later appears then, with a note saying the rest was not paced. Stop (or
 * finish()) shows everything at once.
 */
import type { OutputRow } from './view-model.ts';
import { STOPPED_BY_LEARNER } from '../lib/harness/stopped.ts';
import { appendRows } from './results-view.ts';
import { placeholder } from './output-row.ts';

/** Real time the replay may take: a program that waits a minute doesn't hold the panel for one. */
export const PACE_LIMIT_MS = 8000;

/** When a row is due in the replay, in ms from the start: rows without a time follow the row before them. */
export function dueTimes(rows: readonly OutputRow[], limitMs = PACE_LIMIT_MS): number[] {
  let last = 0;
  return rows.map((row) => {
    if (row.t !== undefined) last = Math.max(last, Math.min(row.t, limitMs));
    return last;
  });
}

export class OutputPacer {
  readonly #output: HTMLElement;
  /**
   * When the replay's clock starts: the first output to arrive, not the
   * click, so a runtime that took long to start (or a slow machine) doesn't
   * make every line overdue and the whole run appear at once.
   */
  #start: number | undefined;
  #rows: OutputRow[] = [];
  #due: number[] = [];
  #shown = 0;
  #final = false;
  #hurry = false;
  /** "Running…" while the first line of a finished run waits for its time. */
  #waiting: HTMLElement | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #resolve: (() => void) | undefined;
  /** True once Stop cut the replay short. */
  cut = false;
  /** Resolves once every final row is on screen. */
  readonly done: Promise<void>;

  constructor(output: HTMLElement) {
    this.#output = output;
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Lines streamed while the run goes on: each waits for its time. */
  stream(rows: readonly OutputRow[]): void {
    if (this.#final) return;
    this.#rows.push(...rows);
    // A flood arrives a line per message: draw them together, once per task, not once per line.
    if (this.#timer === undefined) this.#timer = setTimeout(() => this.#tick(), 0);
  }

  /**
   * The run is over: its rows (lines and errors in time order, then how it
   * ended) take the place of the streamed ones. What is already due is
   * drawn at once; the rest follows at its time.
   */
  finish(rows: readonly OutputRow[], empty: string): void {
    this.#final = true;
    this.#rows = [...rows];
    this.#due = dueTimes(this.#rows);
    // Said where the jump happens: past the limit, time on screen no longer matches the clock.
    const late = this.#rows.findIndex((row) => row.t !== undefined && row.t > PACE_LIMIT_MS);
    if (late >= 0) this.#rows.splice(late, 0, { kind: 'note', text: `Output after ${PACE_LIMIT_MS / 1000} s is shown at once, not at its own pace.` });
    this.#due = dueTimes(this.#rows);
    this.#output.replaceChildren();
    this.#shown = 0;
    if (!rows.some((row) => row.kind !== 'status')) this.#output.append(placeholder(empty));
    else if (this.#due[0]! > this.#elapsed()) this.#waiting = this.#output.appendChild(placeholder('Running…'));
    this.#tick();
  }

  /** Everything at once, from now on. */
  flush(): void {
    this.#hurry = true;
    this.#showUpTo(Infinity);
    this.#tick();
  }

  /**
   * Stop during the replay: the run is cut where the learner is watching,
   * as Stop cuts a run still going. What wasn't shown yet stays unshown, and
   * the panel says so.
   */
  stop(): void {
    // Still running: the runner stops it, and its final rows say so; show them as they come.
    if (!this.#final) return this.flush();
    if (this.#shown >= this.#rows.length) return;
    this.cut = true;
    this.#rows = [...this.#rows.slice(0, this.#shown), { kind: 'error', text: `${STOPPED_BY_LEARNER} Its remaining output is not shown.` }];
    this.#due = dueTimes(this.#rows);
    this.#hurry = true;
    this.#tick();
  }

  #elapsed(): number {
    this.#start ??= performance.now();
    return this.#hurry ? Infinity : performance.now() - this.#start;
  }

  #showUpTo(elapsed: number): void {
    let end = this.#shown;
    while (end < this.#rows.length && this.#due[end]! <= elapsed) end++;
    if (end === this.#shown) return;
    if (this.#shown === 0 && !this.#final) this.#output.replaceChildren();
    this.#waiting?.remove();
    this.#waiting = undefined;
    appendRows(this.#output, this.#rows.slice(this.#shown, end));
    this.#shown = end;
  }

  #tick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#due = dueTimes(this.#rows);
    this.#showUpTo(this.#elapsed());
    if (this.#shown < this.#rows.length) {
      this.#timer = setTimeout(() => this.#tick(), Math.max(0, this.#due[this.#shown]! - this.#elapsed()));
    } else if (this.#final) {
      this.#resolve?.();
    }
  }
}
