/**
 * Messages between the editor (src/islands/editor-types.ts) and the type
 * checker's worker (src/islands/ts-worker.ts). Each request carries the whole
 * text, so the worker needs no other state from the page; the service
 * re-checks only when the text changed.
 */
import type { Completion, Hover, SignatureHelp, TypeDiagnostic } from './service.ts';

export type TypeRequest =
  | { id: number; kind: 'diagnostics'; text: string }
  | { id: number; kind: 'hover' | 'completions' | 'signature'; text: string; pos: number };

export interface TypeResults {
  diagnostics: TypeDiagnostic[];
  hover: Hover | null;
  completions: { from: number; options: Completion[] } | null;
  signature: SignatureHelp | null;
}

export type TypeResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isOptionalString = (v: unknown) => v === undefined || isString(v);

/**
 * Checks a worker's answer before the editor uses it: everything from the
 * worker is data (text shown as text, numbers as positions), never markup.
 * Returns undefined for anything malformed.
 */
export function parseResult<K extends keyof TypeResults>(kind: K, value: unknown): TypeResults[K] | undefined {
  const ok = (() => {
    switch (kind) {
      case 'diagnostics':
        return (
          Array.isArray(value) &&
          value.every(
            (d) =>
              isObject(d) &&
              isNumber(d.from) &&
              isNumber(d.to) &&
              isNumber(d.line) &&
              isNumber(d.column) &&
              (d.severity === 'error' || d.severity === 'warning') &&
              isString(d.message) &&
              (isString(d.code) || isNumber(d.code)) &&
              (d.source === 'typescript' || d.source === 'course'),
          )
        );
      case 'hover':
        return value === null || (isObject(value) && isNumber(value.from) && isNumber(value.to) && isString(value.display) && isString(value.documentation));
      case 'completions':
        return (
          value === null ||
          (isObject(value) &&
            isNumber(value.from) &&
            Array.isArray(value.options) &&
            value.options.every((o) => isObject(o) && isString(o.label) && isString(o.kind) && isOptionalString(o.detail) && isOptionalString(o.documentation)))
        );
      case 'signature':
        return (
          value === null ||
          (isObject(value) &&
            isString(value.label) &&
            isString(value.documentation) &&
            (value.active === undefined || (isObject(value.active) && isNumber(value.active.from) && isNumber(value.active.to))))
        );
    }
  })();
  return ok ? (value as TypeResults[K]) : undefined;
}
