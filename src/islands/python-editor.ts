/**
 * A small CodeMirror editor for Python (the "Run Python" panels and the
 * Python side of exercises), loaded with them, never with a page. It has
 * the editing basics the TypeScript editor has, Python's language mode, and
 * the same colours (editor-theme.ts).
 */
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { editorHighlight, editorTheme } from './editor-theme.ts';

// The Python panel's editor is a bordered box of its own (the TypeScript one sits in the workbench's pane).
const boxTheme = EditorView.theme({
  '&': { border: '1px solid var(--border)', borderRadius: 'var(--radius)', fontSize: '0.8rem' },
  '.cm-content': { padding: '0.5rem 0' },
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
        syntaxHighlighting(editorHighlight),
        editorTheme,
        boxTheme,
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
