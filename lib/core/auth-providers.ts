import 'server-only';
import type { Provider } from 'next-auth/providers';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { env } from './env';

/** What a sign-in page needs to offer a provider: its Auth.js id and the name on the button. */
export type ExternalProvider = { id: string; name: string };

type Configured = ExternalProvider & { provider: Provider };

function configuredProviders(): Configured[] {
  const config = env();
  const list: Configured[] = [];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    const name = config.OIDC_NAME ?? new URL(config.OIDC_ISSUER).hostname;
    list.push({
      id: 'oidc',
      name,
      provider: {
        id: 'oidc',
        name,
        type: 'oidc',
        issuer: config.OIDC_ISSUER,
        clientId: config.OIDC_CLIENT_ID,
        clientSecret: config.OIDC_CLIENT_SECRET,
      },
    });
  }
  if (config.AUTH_GITHUB_ID && config.AUTH_GITHUB_SECRET) {
    list.push({ id: 'github', name: 'GitHub', provider: GitHub({ clientId: config.AUTH_GITHUB_ID, clientSecret: config.AUTH_GITHUB_SECRET }) });
  }
  if (config.AUTH_GOOGLE_ID && config.AUTH_GOOGLE_SECRET) {
    list.push({ id: 'google', name: 'Google', provider: Google({ clientId: config.AUTH_GOOGLE_ID, clientSecret: config.AUTH_GOOGLE_SECRET }) });
  }
  return list;
}

/** Auth.js provider configurations for every provider set up by env. */
export function externalAuthProviders(): Provider[] {
  return configuredProviders().map((entry) => entry.provider);
}

/** The providers a sign-in page offers, in a stable order; empty when none is configured. */
export function externalProviders(): ExternalProvider[] {
  return configuredProviders().map(({ id, name }) => ({ id, name }));
}
