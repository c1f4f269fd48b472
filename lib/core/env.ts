import { z } from 'zod';

/**
 * The one place that reads process.env in app code. Every setting has a working default for
 * the embedded setup (`npm start`, which also generates PUSHER_SECRET); a secure deployment
 * (AUTH_URL on https) must name its secrets, and startup refuses without them.
 */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// Earlier versions fell back to this realtime secret. It is published in the source, so with it
// anyone could sign a private channel; the realtime server refuses it too (its config.ts).
const publishedPusherSecret = 'plaza-development-secret';
const pusherSecretHelp = 'run `npm start`, which generates one in .data/pusher-secret, or set PUSHER_SECRET to the realtime server\'s secret';

// An empty variable means "not set", as in a .env file with `OIDC_ISSUER=`.
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set: start Plaza with `npm start`, or point it at a Postgres'),
    DATABASE_POOL_SIZE: positiveInt(10),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    AUTH_URL: z.url().optional(),
    // Where Plaza's own server listens (set by `npm start` and the test runner): the origin of
    // links in mail when AUTH_URL is not set. Never taken from a request.
    PLAZA_LISTEN_URL: z.url().default('http://localhost:3000'),
    // How many reverse proxies in front of Plaza append to X-Forwarded-For; 0 means the
    // socket's own address is the client's (scripts/serve.ts reads it).
    PLAZA_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // Rate limits: failures counted per window; tests raise or lower them through env.
    RATE_LIMIT_WINDOW_SECONDS: positiveInt(15 * 60),
    RATE_LIMIT_SIGNIN_PER_ACCOUNT: positiveInt(5),
    RATE_LIMIT_SIGNIN_PER_IP: positiveInt(50),
    RATE_LIMIT_SIGNUP_PER_IP: positiveInt(20),
    RATE_LIMIT_SOCIAL_PER_HOUR: positiveInt(200),
    RATE_LIMIT_MEDIA_UPLOADS_PER_HOUR: positiveInt(60),
    // Uploaded images: where the local-disk store keeps them, and what an upload may weigh.
    MEDIA_DIR: z.string().min(1).default('.data/media'),
    MEDIA_MAX_BYTES: positiveInt(20 * 1024 * 1024),
    MEDIA_MAX_PIXELS: positiveInt(40_000_000),
    // An S3-compatible bucket instead of MEDIA_DIR, used when MEDIA_S3_BUCKET is set. The
    // endpoint names a non-AWS service (MinIO, R2, …); without keys the SDK's own chain is used.
    MEDIA_S3_BUCKET: optionalText,
    MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
    MEDIA_S3_ENDPOINT: optionalText.pipe(z.url().optional()),
    MEDIA_S3_ACCESS_KEY_ID: optionalText,
    MEDIA_S3_SECRET_ACCESS_KEY: optionalText,
    MEDIA_S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    // Realtime: the embedded server by default; Pusher Channels or Soketi by these alone.
    // Host, port, TLS, key and cluster reach browsers at request time (never baked into the
    // build). The defaults match lib/realtime/server/config.ts, the embedded server's own.
    PUSHER_HOST: z.string().default('127.0.0.1'),
    PUSHER_PORT: positiveInt(6001),
    PUSHER_APP_ID: z.string().min(1).default('plaza'),
    PUSHER_KEY: z.string().min(1).default('plaza-key'),
    // Signs channel access, HTTP API calls and webhooks; there is no default, see above.
    PUSHER_SECRET: optionalText.pipe(
      z
        .string({ error: `PUSHER_SECRET is not set: ${pusherSecretHelp}` })
        .refine((secret) => secret !== publishedPusherSecret, `PUSHER_SECRET is the published development secret, with which anyone can sign private channels: ${pusherSecretHelp}`),
    ),
    PUSHER_CLUSTER: optionalText,
    // Mail: without SMTP_URL, mail is kept in the database and admins read it at /admin/mail.
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Plaza <no-reply@localhost>'),
    RATE_LIMIT_RESET_PER_EMAIL: positiveInt(5),
    RATE_LIMIT_RESET_PER_IP: positiveInt(30),
    // Background jobs: a job RUNNING longer than the lease is taken back by another worker.
    JOB_LEASE_SECONDS: positiveInt(5 * 60),
    JOB_POLL_MS: positiveInt(1000),
    PUSHER_USE_TLS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    // Tests only: the ledger stops inside its transaction and touches this file, so a test can
    // kill the process mid-posting. Never set in a deployment.
    PAY_TEST_PAUSE_FILE: optionalText,
    // Money a person may send in 24 hours (minor units, per currency) before Plaza asks for the
    // password again: an unlocked phone in someone else's hands must not empty a wallet.
    PAY_STEP_UP_PER_DAY_MINOR: positiveInt(20000),
    // Sign-in with other accounts: each provider is offered only when all its settings are present.
    OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: optionalText,
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    // Card payments (Stripe): without a secret key the wallet works but cannot take cards.
    // Host, port and protocol point the SDK at stripe-mock or Plaza's test fake instead of
    // api.stripe.com.
    STRIPE_SECRET_KEY: optionalText,
    STRIPE_WEBHOOK_SECRET: optionalText,
    STRIPE_API_HOST: optionalText,
    STRIPE_API_PORT: optionalText.transform((value) => (value === undefined ? undefined : Number(value))).pipe(z.number().int().positive().max(65535).optional()),
    STRIPE_API_PROTOCOL: optionalText.pipe(z.enum(['http', 'https']).optional()),
  })
  .transform((raw) => ({ ...raw, secureDeployment: raw.AUTH_URL?.startsWith('https://') ?? false }))
  .superRefine((value, ctx) => {
    if (value.secureDeployment && !value.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is required when AUTH_URL is https' });
    }
    // Unsigned webhooks would let anyone credit a wallet: a live deployment taking cards must verify them.
    if (value.secureDeployment && value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'STRIPE_WEBHOOK_SECRET is required when AUTH_URL is https and STRIPE_SECRET_KEY is set' });
    }
    // One key without the other would fail on the first upload; say so at startup instead.
    if (Boolean(value.MEDIA_S3_ACCESS_KEY_ID) !== Boolean(value.MEDIA_S3_SECRET_ACCESS_KEY)) {
      const missing = value.MEDIA_S3_ACCESS_KEY_ID ? 'MEDIA_S3_SECRET_ACCESS_KEY' : 'MEDIA_S3_ACCESS_KEY_ID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY are set together or not at all' });
    }
    // A half-configured provider would silently not appear; say which setting is missing.
    const providerSettings = [
      ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
      ['AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET'],
      ['AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET'],
    ] as const;
    for (const names of providerSettings) {
      if (!names.some((name) => value[name])) continue;
      for (const name of names.filter((setting) => !value[setting])) {
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when ${names.filter((other) => value[other]).join(' and ')} is set` });
      }
    }
  });

export type Env = z.output<typeof envSchema>;

/** Validates a set of variables; throws one message listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Plaza cannot start: its configuration is invalid\n${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** Parsed lazily so that `next build` does not need a database or secrets. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Build-time safe facts (no validation of secrets or the database). */
export const isProduction = process.env.NODE_ENV === 'production';
