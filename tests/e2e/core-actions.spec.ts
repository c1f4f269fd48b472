import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signUp } from './support';

/**
 * Server actions are public endpoints. This calls every action the build exposes, straight
 * over HTTP as an attacker would: anonymously, and with malformed input.
 */
const publicActions = new Set([
  'signUpAction', 'signInAction', 'setLocaleAction', 'requestPasswordResetAction', 'resetPasswordAction',
  'startExternalSignInAction', 'completeExternalSignUpAction', 'cancelExternalSignUpAction',
]);

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ManifestEntry> };
const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, ...entry }));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every export of every 'use server' module in the source. */
function exportedActionsInSource(): string[] {
  return ['lib', 'app']
    .flatMap(sourceFiles)
    .filter((file) => /^['"]use server['"]/m.test(readFileSync(file, 'utf8')))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export (?:const|async function|function) (\w+)/g)].map((match) => `${file}#${match[1]}`));
}

/** The page that serves an action: "app/(app)/me/page" → "/me". */
function pathFor(worker: string): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith('[') ? 'x' : segment));
  return `/${segments.join('/')}`;
}

async function callAction(request: APIRequestContext, action: (typeof actions)[number], args: unknown[]) {
  const response = await request.post(pathFor(Object.keys(action.workers)[0]!), {
    headers: {
      'Next-Action': action.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: new URL(test.info().project.use.baseURL!).origin,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

const inputlessActions = new Set(['totalUnreadAction']);

const malformedInputs: unknown[][] = [[], [null], ['not an object'], [{ email: 42, password: ['x'], name: { a: 1 }, locale: 'xx', bio: 7 }], [{ handle: 'a'.repeat(10_000) }]];

test('every exported server action is in the build, so none escapes this test', () => {
  const inBuild = new Set(actions.map((action) => `${action.filename}#${action.exportedName}`));
  const inSource = exportedActionsInSource();
  expect(inSource.length).toBeGreaterThan(0);
  expect(inSource.filter((name) => !inBuild.has(name))).toEqual([]);
});

test('anonymous callers are refused by every non-public action, and malformed input never causes a 500', async ({ request }) => {
  for (const action of actions) {
    for (const args of [[{}], ...malformedInputs]) {
      const { status, body } = await callAction(request, action, args);
      expect(status, `${action.exportedName}(${JSON.stringify(args).slice(0, 60)})`).toBeLessThan(500);
      expect(body, action.exportedName).toContain('"ok":false');
      if (!publicActions.has(action.exportedName)) expect(body, action.exportedName).toContain('"code":"FORBIDDEN"');
    }
  }
});

test('signed-in callers sending malformed input get a clear refusal, never a 500', async ({ page }) => {
  await signUp(page);
  for (const action of actions) {
    if (action.exportedName === 'signOutAction') continue; // takes no input; calling it ends the session
    for (const args of malformedInputs) {
      // For an action that takes no input, nothing (no argument, or null) is its valid input.
      if (inputlessActions.has(action.exportedName) && (args.length === 0 || args[0] === null)) continue;
      const { status, body } = await callAction(page.request, action, args);
      expect(status, `${action.exportedName}(${JSON.stringify(args).slice(0, 60)})`).toBeLessThan(500);
      expect(body, action.exportedName).toMatch(/"ok":false,"code":"(INVALID|FORBIDDEN)"/);
    }
  }
});
