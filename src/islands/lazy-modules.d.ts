/**
 * editor-types.ts imports @codemirror/autocomplete with a query, so that the
 * bundler makes it a module of that lazy chunk rather than of the editor
 * island (which imports the same package for closeBrackets): same exports.
 */
declare module '@codemirror/autocomplete?types-chunk' {
  export * from '@codemirror/autocomplete';
}
