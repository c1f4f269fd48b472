import { existsSync } from 'node:fs';
import { run } from './processes';

/**
 * Finds a Chromium for the end-to-end tests: Playwright's own if installed, a system Chromium,
 * else `npx playwright install chromium` (needs the internet), else Debian's package when we
 * are root with apt. Returns its path, or throws saying how to get one.
 */
const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

async function playwrightsOwn(): Promise<string | undefined> {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const systemChromium = () => systemPaths.find((path) => existsSync(path));

async function quietly(command: string, args: string[], log: (line: string) => void): Promise<boolean> {
  log(`$ ${command} ${args.join(' ')}`);
  return (await run(command, args, { detached: false, stdio: ['ignore', 'ignore', 'inherit'] })) === 0;
}

export async function findChromium(log: (line: string) => void): Promise<string> {
  const found = (await playwrightsOwn()) ?? systemChromium();
  if (found) return found;

  log('No Chromium found; trying Playwright\'s download…');
  if (await quietly('npx', ['playwright', 'install', 'chromium'], log)) {
    const downloaded = await playwrightsOwn();
    if (downloaded) return downloaded;
  }

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('Installing Debian\'s chromium package…');
    await quietly('apt-get', ['update', '-qq'], log);
    if (await quietly('apt-get', ['install', '-y', '-qq', 'chromium'], log)) {
      const installed = systemChromium();
      if (installed) return installed;
    }
  }
  throw new Error(
    'The end-to-end tests need Chromium. Install one with `npx playwright install chromium` (needs the internet) or your system\'s package (Debian/Ubuntu: `sudo apt-get install chromium`), then run `npm test` again.',
  );
}
