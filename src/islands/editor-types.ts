/**
 * TypeScript in the editor: type errors as lint diagnostics, hover types,
 * completions with the helpers' signatures and doc comments, and signature
 * help, all answered by the worker (ts-worker.ts). This chunk and the worker
 * load on the editor's first focus (editor.ts), never with the page, so the
 * editor island keeps its size budget.
 *
 * Everything from the worker is checked (protocol.ts) and shown as text.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin, hoverTooltip, showTooltip, type Tooltip, type ViewUpdate } from '@codemirror/view';
import { linter, type Diagnostic } from '@codemirror/lint';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
// A second copy of the package's module (the query makes it one), so that autocompletion's
// code comes with this chunk: the island's copy only carries closeBrackets and lang-javascript's needs.
import { autocompletion } from '@codemirror/autocomplete?types-chunk';
import { parseResult, type TypeRequest, type TypeResponse, type TypeResults } from '../lib/typecheck/protocol.ts';
import type { TypeDiagnostic } from '../lib/typecheck/service.ts';
import { withTypesCheck } from '../lib/judge/types-check.ts';
import type { Verdict } from '../lib/judge/verdict.ts';

/** Longest wait for the worker's first answer (download, start, first check); then the editor goes on without types. */
const FIRST_ANSWER_MS = 45_000;
/** Pause in typing before the types are checked again (with the worker's check, well inside 500 ms). */
const LINT_DELAY_MS = 250;
const SIGNATURE_DELAY_MS = 120;

type Kind = keyof TypeResults;

class TypeClient {
  readonly #worker: Worker;
  #next = 1;
  readonly #pending = new Map<number, { kind: Kind; resolve(value: unknown): void; reject(error: Error): void }>();
  #answered = false;
  #failure: Error | undefined;
  readonly #failed: Array<(reason: string) => void> = [];

  constructor() {
    this.#worker = new Worker(new URL('./ts-worker.ts', import.meta.url), { type: 'module', name: 'typescript' });
    this.#worker.onmessage = (event: MessageEvent<TypeResponse>) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#fail("the type checker couldn't load (are you offline?)");
    };
    setTimeout(() => {
      if (!this.#answered) this.#fail('the type checker took too long to start');
    }, FIRST_ANSWER_MS);
  }

  /** Calls `listener` once if the service fails (at once if it already has). */
  onFailure(listener: (reason: string) => void): void {
    if (this.#failure) listener(this.#failure.message);
    else this.#failed.push(listener);
  }

  request<K extends Kind>(kind: K, text: string, pos = 0): Promise<TypeResults[K]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    const message: TypeRequest = kind === 'diagnostics' ? { id, kind: 'diagnostics', text } : { id, kind: kind as 'hover', text, pos };
    return new Promise<TypeResults[K]>((resolve, reject) => {
      this.#pending.set(id, { kind, resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage(message);
    });
  }

  #receive(data: TypeResponse): void {
    const waiting = typeof data?.id === 'number' ? this.#pending.get(data.id) : undefined;
    if (!waiting) return;
    this.#pending.delete(data.id);
    this.#answered = true;
    const result = data.ok ? parseResult(waiting.kind, data.result) : undefined;
    if (result === undefined) waiting.reject(new Error(data.ok ? 'malformed answer from the type checker' : data.error));
    else waiting.resolve(result);
  }

  #fail(reason: string): void {
    if (this.#failure) return;
    this.#failure = new Error(reason);
    this.#worker.terminate();
    for (const waiting of this.#pending.values()) waiting.reject(this.#failure);
    this.#pending.clear();
    for (const listener of this.#failed.splice(0)) listener(reason);
  }
}

let client: TypeClient | undefined;
const typeClient = () => (client ??= new TypeClient());

/** The diagnostics of `text`, for Check's Types check (the same service the editor shows). */
export function diagnosticsFor(text: string): Promise<TypeDiagnostic[]> {
  return typeClient().request('diagnostics', text);
}

/** Check's Types check for `text`, as a function that adds it to a verdict (which it leaves as it is if the checker fails). */
export function typesCheckFor(text: string): Promise<(verdict: Verdict) => Verdict> {
  return diagnosticsFor(text).then(
    (found) => (verdict: Verdict) => withTypesCheck(verdict, found),
    () => (verdict: Verdict) => verdict,
  );
}

/** Calls `listener` once if the type checker can't be used on this page. */
export function onUnavailable(listener: (reason: string) => void): void {
  typeClient().onFailure(listener);
}

const textOf = (view: EditorView) => view.state.doc.toString();
const clamp = (view: EditorView, pos: number) => Math.max(0, Math.min(pos, view.state.doc.length));

function lintSource(view: EditorView): Promise<Diagnostic[]> {
  return diagnosticsFor(textOf(view)).then(
    (found) =>
      found.map((d) => ({
        from: clamp(view, d.from),
        to: clamp(view, d.to),
        severity: d.severity,
        source: d.source === 'course' ? 'Course' : 'TypeScript',
        // Tells the type checker's marks from the syntax linter's (the bench waits for these).
        markClass: 'cm-ts-mark',
        message: d.message,
      })),
    () => [],
  );
}

function block(className: string, text: string, tag = 'div'): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

/** A signature (code) and its doc comment, as text. */
function signatureDom(signature: string, documentation: string, active?: { from: number; to: number }): HTMLElement {
  const dom = document.createElement('div');
  dom.className = 'cm-ts-info';
  const code = document.createElement('code');
  code.className = 'cm-ts-signature';
  if (active) {
    const strong = document.createElement('strong');
    strong.textContent = signature.slice(active.from, active.to);
    code.append(signature.slice(0, active.from), strong, signature.slice(active.to));
  } else {
    code.textContent = signature;
  }
  dom.append(code);
  if (documentation) dom.append(block('cm-ts-doc', documentation, 'p'));
  return dom;
}

const hover = hoverTooltip(
  async (view, pos): Promise<Tooltip | null> => {
    const found = await typeClient().request('hover', textOf(view), pos).catch(() => null);
    if (!found || !found.display) return null;
    return {
      pos: clamp(view, found.from),
      end: clamp(view, found.to),
      above: true,
      create: () => ({ dom: signatureDom(found.display, found.documentation) }),
    };
  },
  { hoverTime: 300 },
);

const KIND: Record<string, string> = {
  function: 'function',
  method: 'method',
  property: 'property',
  getter: 'property',
  setter: 'property',
  var: 'variable',
  let: 'variable',
  const: 'constant',
  'local var': 'variable',
  parameter: 'variable',
  alias: 'variable',
  class: 'class',
  interface: 'interface',
  type: 'type',
  enum: 'enum',
  keyword: 'keyword',
  module: 'namespace',
};

async function completionSource(context: CompletionContext): Promise<CompletionResult | null> {
  const word = context.matchBefore(/[\w$]+/);
  const afterDot = context.state.sliceDoc(context.pos - 1, context.pos) === '.';
  if (!word && !afterDot && !context.explicit) return null;
  const found = await typeClient()
    .request('completions', context.state.doc.toString(), context.pos)
    .catch(() => null);
  if (!found || context.aborted) return null;
  return {
    from: found.from,
    validFor: /^[\w$]*$/,
    options: found.options.map(
      (o, i): Completion => ({
        label: o.label,
        type: KIND[o.kind] ?? 'variable',
        detail: o.detail && o.detail.length <= 60 ? o.detail.replace(/^\(\w[\w ]*\) /, '') : undefined,
        info: o.detail || o.documentation ? () => signatureDom(o.detail ?? o.label, o.documentation ?? '') : undefined,
        // TypeScript's order (locals, then globals, then keywords) among equal matches.
        boost: -Math.min(i, 99) / 100,
      }),
    ),
  };
}

const setSignature = StateEffect.define<Tooltip | null>();
const signatureField = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setSignature)) return effect.value;
    // Until the worker answers for the new text, the open signature follows the edit.
    return value && tr.docChanged ? { ...value, pos: tr.changes.mapPos(value.pos) } : value;
  },
  provide: (field) => showTooltip.from(field),
});

/** Signature help: while the cursor is inside a call's parentheses, its signature above, the current parameter in bold. */
const signaturePlugin = ViewPlugin.fromClass(
  class {
    timer: ReturnType<typeof setTimeout> | undefined;
    asked = 0;
    readonly view: EditorView;
    constructor(view: EditorView) {
      this.view = view;
    }
    update(update: ViewUpdate) {
      if (!update.docChanged && !update.selectionSet) return;
      clearTimeout(this.timer);
      if (!update.view.hasFocus) return;
      this.timer = setTimeout(() => void this.ask(), SIGNATURE_DELAY_MS);
    }
    async ask() {
      const view = this.view;
      const ticket = ++this.asked;
      const pos = view.state.selection.main.head;
      const doc = view.state.doc;
      const help = await typeClient().request('signature', doc.toString(), pos).catch(() => null);
      if (ticket !== this.asked || view.state.doc !== doc) return;
      const tooltip: Tooltip | null = help
        ? { pos, above: true, create: () => ({ dom: signatureDom(help.label, help.documentation, help.active) }) }
        : null;
      view.dispatch({ effects: setSignature.of(tooltip) });
    }
    destroy() {
      clearTimeout(this.timer);
    }
  },
);

const look = EditorView.theme({
  '.cm-ts-info': { padding: '0.35rem 0.6rem', maxWidth: 'min(36rem, 90vw)', whiteSpace: 'pre-wrap' },
  '.cm-ts-signature': { fontFamily: 'var(--font-mono, monospace)', fontSize: '0.9em' },
  '.cm-ts-doc': { margin: '0.35rem 0 0', fontSize: '0.9em' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: 'light-dark(#b6d7ff, #264f78)', color: 'var(--text)' },
  '.cm-completionDetail': { marginLeft: '0.75em', color: 'light-dark(#59636e, #9198a1)', fontStyle: 'normal' },
});

/** The editor extensions that bring TypeScript in (editor.ts adds them once this chunk has loaded). */
export function typeExtensions(): Extension {
  typeClient();
  return [
    linter(lintSource, { delay: LINT_DELAY_MS }),
    hover,
    autocompletion({ override: [completionSource], icons: false }),
    signatureField,
    signaturePlugin,
    look,
  ];
}
