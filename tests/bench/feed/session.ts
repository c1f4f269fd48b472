/**
 * Signs in through the app's real credentials sign-in (Auth.js: CSRF token, then the
 * credentials callback, which checks the password like the sign-in form does) and returns the
 * Cookie header of the session.
 */
export async function signIn(baseUrl: string, person: { email: string; handle: string }, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';', 1)[0]!;
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ email: person.email, password, csrfToken, callbackUrl: `${baseUrl}/feed` }),
  });
  keep(callback);

  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: header() } })).json()) as { user?: { handle?: string } } | null;
  if (session?.user?.handle !== person.handle) {
    throw new Error(`Signing in as ${person.email} failed (HTTP ${callback.status}, to ${callback.headers.get('location') ?? 'nowhere'})`);
  }
  return header();
}
