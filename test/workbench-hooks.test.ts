import { describe, expect, test } from 'vitest';
import { hook, hookSelector, HOOKS, readWorkbenchConfig, workbenchConfig, WORKBENCH_DEFAULTS } from '../src/components/exercise/workbench-hooks.ts';

describe('workbench settings', () => {
  test('what the component writes, the island reads back unchanged', () => {
    const written = workbenchConfig({ kind: 'sandbox', id: 'fetch/basic.ts', runBudgetMs: 8000, routes: { 'https://x/': { status: 200, body: 'ok' } as never } });
    expect(readWorkbenchConfig(JSON.stringify(written))).toEqual(written);
  });
  test.each<[string, string | undefined]>([
    ['nothing', undefined],
    ['not JSON', '{oops'],
    ['wrong types', JSON.stringify({ kind: 'x', id: 5, runBudgetMs: 'fast', checkBudgetMs: -1 })],
    ['non-finite budgets', '{"runBudgetMs": 1e999, "checkBudgetMs": null}'],
  ])('%s falls back to the defaults, from one place', (_name, json) => {
    const config = readWorkbenchConfig(json);
    expect(config).toMatchObject({ kind: 'exercise', runBudgetMs: WORKBENCH_DEFAULTS.runBudgetMs, checkBudgetMs: WORKBENCH_DEFAULTS.checkBudgetMs });
  });
});

test('a hook is one attribute, found by its selector', () => {
  for (const name of Object.keys(HOOKS) as Array<keyof typeof HOOKS>) {
    const [attribute] = Object.keys(hook(name));
    expect(hookSelector(name)).toBe(`[${attribute}]`);
  }
});
