/**
 * The code editor: CodeMirror 6 with only what a learner needs (TypeScript
 * highlighting, history, bracket help, lint markers), so the island stays
 * inside its size budget. Its colours (editor-theme.ts) follow the site
 * theme without a script and match the code it replaces.
 */
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  EditorView,
  showPanel,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  drawSelection,
  highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { syntaxHighlighting, indentOnInput, bracketMatching, ensureSyntaxTree } from '@codemirror/language';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import type { Verdict } from '../lib/judge/verdict.ts';
import { editingMode } from './editing-mode.ts';
import { editorHighlight, editorTheme } from './editor-theme.ts';

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  onChange(doc: string): void;
  onRun(): void;
  onCheck?(): void;
  onFocus?(): void;
  /** Diagnostics from the last Run or Check (a syntax error at its line); cleared when the code changes. */
  runDiagnostics(): Diagnostic[];
}

/*
 * TypeScript (type errors, hovers, completions, signature help) lives in
 * editor-types.ts and its worker, ts-worker.ts: the compiler is 1.6 MB
 * gzipped, ten times this island, so it is fetched on the editor's first
 * focus (or the first Check), never with the page. Until it answers, the
 * editor has the syntax errors below; if it can't load, the editor says so
 * once and works as before.
 */
type TypesModule = typeof import('./editor-types.ts');
let typesModule: Promise<TypesModule> | undefined;
const loadTypes = () => (typesModule ??= import('./editor-types.ts'));
const typesSlot = new Compartment();
const typed = new WeakSet<EditorView>();
let unavailableSaid = false;

function note(text: string) {
  return () => {
    const dom = document.createElement('p');
    dom.className = 'cm-types-note';
    dom.setAttribute('role', 'status');
    dom.textContent = text;
    return { dom, top: false };
  };
}

function typesUnavailable(view: EditorView, reason: string): void {
  if (unavailableSaid) return;
  unavailableSaid = true;
  const text = `No type checking here: ${reason}. Run and Check work as usual.`;
  view.dispatch({ effects: typesSlot.reconfigure(showPanel.of(note(text))) });
}

/** Brings TypeScript into this editor (once), loading it if no editor on the page has yet. */
function startTypes(view: EditorView): void {
  if (typed.has(view)) return;
  typed.add(view);
  loadTypes().then(
    (types) => {
      types.onUnavailable((reason) => typesUnavailable(view, reason));
      view.dispatch({ effects: typesSlot.reconfigure(types.typeExtensions()) });
    },
    () => typesUnavailable(view, "the type checker couldn't load (are you offline?)"),
  );
}

/**
 * Check's Types check for `text`, from the editor's worker (loading it if
 * needed): a function that adds it to a verdict. If the checker can't be
 * had, the function leaves the verdict as it is, so Check reports the other
 * checks as before. (The merge, src/lib/judge/types-check.ts, comes with the
 * lazy chunk, not with this island.)
 */
export function checkTypes(view: EditorView, text: string): Promise<(verdict: Verdict) => Verdict> {
  startTypes(view);
  return loadTypes()
    .then((types) => types.typesCheckFor(text))
    .catch(() => (verdict: Verdict) => verdict);
}

/**
 * Syntax errors as the learner types, from the editor's own parse tree: no
 * compiler download, so they show before anything runs. The parser recovers
 * from errors, so several can show at once; Run and Check report the
 * compiler's view (Sucrase's, the same as the CLI's) on top.
 */
function syntaxDiagnostics(state: EditorState): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The whole parse (a learner's file takes milliseconds): a tree the background parser has only
  // partly built ends in an error node where it stopped, which is no mistake of the learner's.
  const tree = ensureSyntaxTree(state, state.doc.length, 200);
  if (!tree) return found;
  tree.iterate({
    enter(node) {
      if (!node.type.isError || found.length >= 5) return;
      const line = state.doc.lineAt(node.from);
      const from = node.from;
      const to = Math.min(Math.max(node.to, from + 1), line.to);
      found.push({
        from: Math.min(from, state.doc.length),
        to: Math.max(Math.min(to, state.doc.length), Math.min(from, state.doc.length)),
        severity: 'error',
        message: `Syntax error at line ${line.number}: the code can't be read from here (a missing bracket, comma or quote?).`,
      });
    },
  });
  return found;
}

export function createEditor(options: EditorOptions): EditorView {
  const shortcuts = Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: () => (options.onRun(), true) },
      { key: 'Shift-Mod-Enter', run: () => (options.onCheck ? (options.onCheck(), true) : false) },
    ]),
  );
  const extensions: Extension[] = [
    shortcuts,
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    javascript({ typescript: true }),
    syntaxHighlighting(editorHighlight),
    editorTheme,
    EditorState.tabSize.of(2),
    // Long lines wrap: no sideways scrolling on a phone, and the editor grows with its text
    // instead of scrolling inside the page (a nested scroller is hard to reach by keyboard).
    EditorView.lineWrapping,
    // Tab indents only while editing (editing-mode.ts): arriving by Tab, it moves focus on.
    editingMode(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    // Short, so that with the type checker's answer (its own linter, same delay) diagnostics follow typing within 500 ms.
    linter((view) => [...syntaxDiagnostics(view.state), ...options.runDiagnostics()], { delay: 250 }),
    lintGutter(),
    EditorView.contentAttributes.of({ 'aria-label': 'Code editor', autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false' }),
    typesSlot.of([]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
      if (update.focusChanged && update.view.hasFocus) {
        startTypes(update.view);
        options.onFocus?.();
      }
    }),
  ];
  return new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.doc, extensions }) });
}

/** Replaces the whole text as one undoable change (Reset; Ctrl+Z brings the old code back). */
export function replaceDoc(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.reset' });
}

export function refreshLint(view: EditorView): void {
  forceLinting(view);
}
