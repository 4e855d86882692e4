/**
 * What a scenario records: output lines (capped, streamed to the host as
 * they appear), spans for the Timeline, errors and the spec's records, in
 * one sequence of events. The driver and the learner-facing globals write
 * here; `runScenario` turns it into the ScenarioObservation.
 */
import type { Json, LearnerError, LogLine, Span, SpanKind } from './observation.ts';
import { MAX_LINE_CHARS, MAX_LOG_LINES, MAX_SPANS } from './limits.ts';
import { real } from './real.ts';
import { groupDigits } from '../count.ts';

interface RecorderOptions {
  /** The scenario's clock. */
  now(): number;
  /** When a line is printed: its phase, and the timer whose callback printed it. */
  context(): { phase: LogLine['phase']; timer: number | undefined };
  /** Streams output as it appears, so a killed run still shows its lines. */
  onLogs?: (lines: LogLine[]) => void;
  /** Tells the host the event loop still turns. */
  alive?: () => void;
}

export class Recorder {
  readonly logs: LogLine[] = [];
  readonly spans: Span[] = [];
  readonly errors: LearnerError[] = [];
  readonly record: Record<string, Json> = {};
  dropped = 0;
  truncated = false;
  /** Position in the run's sequence of events (see LogLine.seq). */
  seq = 0;
  /** console.group's indentation. */
  groupIndent = '';
  readonly #o: RecorderOptions;
  #spanCount = 0;
  #flushedLogs = 0;
  #lastFlush = real.now();
  #lastAlive = real.now();

  constructor(options: RecorderOptions) {
    this.#o = options;
  }

  log(stream: LogLine['stream'], text: string): void {
    if (this.logs.length >= MAX_LOG_LINES) {
      this.dropped++;
      this.truncated = true;
      return;
    }
    if (text.length > MAX_LINE_CHARS) {
      text = `${text.slice(0, MAX_LINE_CHARS)}… (${groupDigits(text.length - MAX_LINE_CHARS)} more characters not shown)`;
      this.truncated = true;
    }
    if (this.groupIndent) text = text.replace(/^/gm, this.groupIndent);
    const { phase, timer } = this.#o.context();
    const line: LogLine = { t: this.#o.now(), stream, text, phase, seq: ++this.seq };
    if (timer !== undefined) line.timer = timer;
    this.logs.push(line);
    // Sent at once: if the next statement is `while (true) {}`, this line still reaches the page.
    this.flush(true);
  }

  /** Hands new lines to the host (at most every 40 ms unless forced), and says the run is alive. */
  flush(force: boolean): void {
    if (this.#o.alive && real.now() - this.#lastAlive >= 200) {
      this.#lastAlive = real.now();
      this.#o.alive();
    }
    if (!this.#o.onLogs) return;
    const now = real.now();
    if (!force && now - this.#lastFlush < 40) return;
    this.#lastFlush = now;
    if (this.#flushedLogs < this.logs.length) {
      this.#o.onLogs(this.logs.slice(this.#flushedLogs));
      this.#flushedLogs = this.logs.length;
    }
  }

  startSpan(label: string, kind: SpanKind, owner: Span['owner'], extra: Partial<Span> = {}): Span | undefined {
    this.#spanCount++;
    if (this.spans.length >= MAX_SPANS) return undefined;
    const span: Span = { id: this.#spanCount, label, kind, start: this.#o.now(), startSeq: ++this.seq, end: null, owner, ...extra };
    this.spans.push(span);
    return span;
  }

  endSpan(span: Span | undefined, outcome: Span['outcome'] = 'ok'): void {
    if (!span || span.end !== null) return;
    span.end = this.#o.now();
    span.endSeq = ++this.seq;
    span.outcome = outcome;
  }
}
