/**
 * The editor's TypeScript, in a worker of its own: the `typescript`
 * compiler, @typescript/vfs and the library files, fetched only when the
 * editor is first focused (editor-types.ts starts it). Answers one request
 * at a time with the service of src/lib/typecheck/, the one the CLI uses.
 */
import ts from 'typescript';
import { CourseTypeService, libClosure } from '../lib/typecheck/service.ts';
import type { TypeRequest, TypeResponse } from '../lib/typecheck/protocol.ts';
import helpers from '../lib/exercise/course-helpers.d.ts?raw';

/*
 * The ES2024 library without the DOM (service.ts's LIB_ROOTS pull in these
 * files and no others; libClosure below fails loudly if one is missing).
 * Bundled as text into this worker, so it is one cached download.
 */
const libTexts = import.meta.glob<string>(
  [
    '/node_modules/typescript/lib/lib.es5.d.ts',
    '/node_modules/typescript/lib/lib.es20{15,16,17,18,19,20,21,22,23,24}*.d.ts',
    '/node_modules/typescript/lib/lib.decorators*.d.ts',
    '!/node_modules/typescript/lib/*.full.d.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const byName = new Map(Object.entries(libTexts).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
let service: CourseTypeService | undefined;

function answer(request: TypeRequest): unknown {
  service ??= new CourseTypeService(ts, { libs: libClosure((name) => byName.get(name)), helpers });
  service.update(request.text);
  switch (request.kind) {
    case 'diagnostics':
      return service.diagnostics();
    case 'hover':
      return service.hover(request.pos) ?? null;
    case 'completions':
      return service.completions(request.pos) ?? null;
    case 'signature':
      return service.signatureHelp(request.pos) ?? null;
  }
}

self.onmessage = (event: MessageEvent<TypeRequest>) => {
  const request = event.data;
  let response: TypeResponse;
  try {
    response = { id: request.id, ok: true, result: answer(request) };
  } catch (error) {
    response = { id: request.id, ok: false, error: String((error as Error)?.message ?? error) };
  }
  self.postMessage(response);
};
