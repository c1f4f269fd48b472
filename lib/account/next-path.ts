/**
 * Where to go after signing in: only a path on Plaza itself. The value is parsed as a URL the
 * way a browser would read it (tabs and newlines dropped, backslashes as slashes), so
 * `/\t/evil.example` or `/\\evil.example` cannot leave for another site.
 */
const here = 'http://plaza.invalid';

export function safeNextPath(value: unknown, fallback = '/chats'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, here);
  } catch {
    return fallback;
  }
  if (url.origin !== here) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
