/**
 * The editors' colours, shared by the TypeScript editor (editor.ts) and the
 * Python one (python-editor.ts): light-dark() pairs taken from GitHub's
 * "default" themes (the ones Shiki uses for the static code), each at least
 * 4.5:1 on the editor background, so an editor follows the site theme
 * without a script and matches the code it replaces.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export const editorHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'light-dark(#cf222e, #ff7b72)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'light-dark(#0a3069, #a5d6ff)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'light-dark(#59636e, #9198a1)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: 'light-dark(#6639ba, #d2a8ff)' },
  { tag: [t.number, t.bool, t.null, t.atom, t.self, t.special(t.variableName)], color: 'light-dark(#0550ae, #79c0ff)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'light-dark(#953800, #ffa657)' },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'light-dark(#0550ae, #79c0ff)' },
  { tag: t.invalid, color: 'light-dark(#82071e, #ffa198)' },
]);

export const editorTheme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'light-dark(#ffffff, #0d1117)' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.75rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'light-dark(#b6d7ff, #264f78)',
  },
  '.cm-activeLine': { backgroundColor: 'light-dark(#f3f6fa, #161b22)' },
  '.cm-gutters': { backgroundColor: 'light-dark(#f6f8fa, #151b23)', color: 'light-dark(#59636e, #9198a1)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'light-dark(#e7ecf0, #1f252e)', color: 'var(--text)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'light-dark(#dafbe1, #12261e)', outline: '1px solid light-dark(#1a7f37, #3fb950)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-diagnostic': { padding: '0.3rem 0.6rem', whiteSpace: 'pre-wrap', maxWidth: 'min(40rem, 90vw)' },
  '.cm-diagnostic-error': { borderLeftColor: 'light-dark(#cf222e, #ff7b72)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'light-dark(#9a6700, #d29922)' },
  '.cm-types-note': { margin: 0, padding: '0.2rem 0.6rem', fontSize: '0.85em', color: 'light-dark(#59636e, #9198a1)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy light-dark(#cf222e, #ff7b72)', textUnderlineOffset: '3px' },
});
