import { describe, expect, test } from 'vitest';
import { pickRuntime, type RuntimeEnvironment } from '../src/lib/runtime/runner.ts';

const capable: RuntimeEnvironment = {
  preference: 'auto',
  webcontainerEnabled: true,
  crossOriginIsolated: true,
  sharedArrayBuffer: true,
  supportedBrowser: true,
  boot: 'idle',
};

describe('pickRuntime', () => {
  test.each<[string, Partial<RuntimeEnvironment>, { kind: string; boot: boolean; reason: RegExp | undefined }]>([
    ['Browser chosen: always the browser, no notice', { preference: 'browser', boot: 'ready' }, { kind: 'browser', boot: false, reason: undefined }],
    ['Auto, capable, not booted yet: browser now, boot in the background', {}, { kind: 'browser', boot: true, reason: undefined }],
    ['Auto, capable, booting: keep booting, run in the browser meanwhile', { boot: 'booting' }, { kind: 'browser', boot: true, reason: undefined }],
    ['Node.js chosen while booting: says it is starting', { preference: 'node', boot: 'booting' }, { kind: 'browser', boot: true, reason: /Node\.js is starting/ }],
    ['Auto, booted: Node.js', { boot: 'ready' }, { kind: 'webcontainer', boot: false, reason: undefined }],
    ['Node.js chosen, booted: Node.js', { preference: 'node', boot: 'ready' }, { kind: 'webcontainer', boot: false, reason: undefined }],
    ['Auto, boot timed out: quietly the browser (the learner did not ask for Node.js)', { boot: 'timed-out' }, { kind: 'browser', boot: false, reason: undefined }],
    ['Auto, boot failed: quietly the browser', { boot: 'failed' }, { kind: 'browser', boot: false, reason: undefined }],
    ['Node.js chosen, boot timed out: browser, says why', { preference: 'node', boot: 'timed-out' }, { kind: 'browser', boot: false, reason: /took too long to start.*running in the browser instead/ }],
    ['Node.js chosen, boot failed: browser, says why', { preference: 'node', boot: 'failed' }, { kind: 'browser', boot: false, reason: /couldn't start.*running in the browser instead/ }],
    ['Auto, not cross-origin isolated: never boots, says nothing', { crossOriginIsolated: false }, { kind: 'browser', boot: false, reason: undefined }],
    ['Node.js chosen, not cross-origin isolated: never boots, says why', { preference: 'node', crossOriginIsolated: false }, { kind: 'browser', boot: false, reason: /isn't cross-origin isolated.*running in the browser instead/ }],
    ['Node.js chosen, no SharedArrayBuffer: never boots', { preference: 'node', sharedArrayBuffer: false }, { kind: 'browser', boot: false, reason: /can't run Node\.js in the page/ }],
    ['Node.js chosen, unsupported browser (Safari on iOS): never boots', { preference: 'node', supportedBrowser: false }, { kind: 'browser', boot: false, reason: /This browser can't run Node\.js in the page; running in the browser instead/ }],
    ['Auto, unsupported browser: never boots, says nothing', { supportedBrowser: false }, { kind: 'browser', boot: false, reason: undefined }],
    ['site switched WebContainer off, Auto: quietly the browser', { webcontainerEnabled: false }, { kind: 'browser', boot: false, reason: undefined }],
    ['site switched WebContainer off, Node.js chosen: says so', { webcontainerEnabled: false, preference: 'node' }, { kind: 'browser', boot: false, reason: /turned off on this site/ }],
    ['on-demand site, Auto: no background boot', { onDemand: true }, { kind: 'browser', boot: false, reason: undefined }],
    ['on-demand site, Node.js chosen: boots now', { onDemand: true, preference: 'node' }, { kind: 'browser', boot: true, reason: /Node\.js is starting/ }],
    ['on-demand site, Auto after a boot was asked for: keeps booting', { onDemand: true, boot: 'booting' }, { kind: 'browser', boot: true, reason: undefined }],
    ['on-demand site, Auto after Node.js booted: Node.js', { onDemand: true, boot: 'ready' }, { kind: 'webcontainer', boot: false, reason: undefined }],
  ])('%s', (_name, overrides, expected) => {
    const choice = pickRuntime({ ...capable, ...overrides });
    expect(choice.kind).toBe(expected.kind);
    expect(choice.bootWebContainer).toBe(expected.boot);
    if (expected.reason) expect(choice.reason).toMatch(expected.reason);
    else expect(choice.reason).toBeUndefined();
  });
});
