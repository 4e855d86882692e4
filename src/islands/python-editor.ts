/**
 * A small CodeMirror editor for Python (the "Run Python" panels and the
 * Python side of exercises), loaded with them, never with a page. It has
 * the editing basics the TypeScript editor has, Python's language mode, and
 * the same colours (GitHub's light and dark, as the static code).
 */
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';

// The TypeScript editor's palette (editor.ts), each at least 4.5:1 on the editor background.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'light-dark(#cf222e, #ff7b72)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'light-dark(#0a3069, #a5d6ff)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'light-dark(#59636e, #9198a1)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: 'light-dark(#6639ba, #d2a8ff)' },
  { tag: [t.number, t.bool, t.null, t.atom, t.self, t.special(t.variableName)], color: 'light-dark(#0550ae, #79c0ff)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'light-dark(#953800, #ffa657)' },
  { tag: t.invalid, color: 'light-dark(#82071e, #ffa198)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'light-dark(#ffffff, #0d1117)', border: '1px solid var(--border)', borderRadius: 'var(--radius)', fontSize: '0.8rem' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.5rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'light-dark(#b6d7ff, #264f78)',
  },
  '.cm-activeLine': { backgroundColor: 'light-dark(#f3f6fa, #161b22)' },
  '.cm-gutters': { backgroundColor: 'light-dark(#f6f8fa, #151b23)', color: 'light-dark(#59636e, #9198a1)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'light-dark(#e7ecf0, #1f252e)', color: 'var(--text)' },
  '.cm-error-line': { backgroundColor: 'light-dark(#ffebe9, #3b1219)' },
});

export interface PythonEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Accessible name of the editing area. */
  label: string;
}

export function createPythonEditor(options: PythonEditorOptions): EditorView {
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        python(),
        lintGutter(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        syntaxHighlighting(highlight),
        theme,
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': options.label, autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false' }),
      ],
    }),
  });
}

/**
 * Marks a 1-based line as an error (a SyntaxError's: underlined, with the
 * message in the gutter) and selects it; `line` undefined clears the mark.
 */
export function showLine(view: EditorView, line: number | undefined, message = 'Python could not read this line.'): void {
  if (line === undefined) {
    view.dispatch(setDiagnostics(view.state, []));
    return;
  }
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(1, line), doc.lines));
  view.dispatch(setDiagnostics(view.state, [{ from: at.from, to: Math.max(at.to, at.from), severity: 'error', message }]));
  view.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
}
