/**
 * The admin role, granted and revoked by whoever runs Plaza:
 *
 *   npm run admin -- grant <handle>
 *   npm run admin -- revoke <handle>
 *   npm run admin -- list
 *
 * Uses DATABASE_URL when set; otherwise the embedded PostgreSQL in .data/postgres (started for
 * the command and stopped again unless it was already running, e.g. under `npm start`).
 */
import { connectDevelopmentDatabase } from './lib/postgres';
import { loadDevelopmentSecrets } from './lib/secrets';

const usage = 'usage: npm run admin -- grant <handle> | revoke <handle> | list';

async function main(argv: string[]): Promise<number> {
  const [command, handle] = argv;
  if (!(command === 'list' || ((command === 'grant' || command === 'revoke') && handle))) {
    console.error(usage);
    return 2;
  }
  loadDevelopmentSecrets();
  const embedded = await connectDevelopmentDatabase();
  try {
    // Loaded after DATABASE_URL is known: the app's configuration is read once, on first use.
    const { listAdmins, setAdminRole } = await import('@/lib/account');
    const { systemViewer } = await import('@/lib/core/viewer');
    if (command === 'list') {
      const admins = await listAdmins(systemViewer);
      console.log(admins.length > 0 ? admins.map((name) => `@${name}`).join('\n') : 'No admins yet: npm run admin -- grant <handle>');
      return 0;
    }
    const result = await setAdminRole(systemViewer, handle!, command === 'grant');
    console.log(result.isAdmin ? `@${result.handle} is now an admin.` : `@${result.handle} is no longer an admin.`);
    return 0;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') {
      console.error(`No account has the handle @${handle}.`);
      return 1;
    }
    throw error;
  } finally {
    if (embedded && !embedded.reused) await embedded.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
