/**
 * The background worker: runs queued jobs (mail, expiries, reminders, transcodes) until SIGTERM
 * or Ctrl-C, then finishes the job in hand and exits. Started by `npm start` and `npm test`;
 * run more than one for more throughput. Needs the react-server condition, like the seed:
 *   node --conditions=react-server --import tsx scripts/worker.ts
 */
import { startWorker } from '@/lib/core/jobs';
// Every domain's job handlers register themselves when their module loads.
import '@/lib/core/mail';
import '@/lib/account/recovery';
import '@/lib/pay/jobs';
import '@/lib/account/jobs';
import '@/lib/feed/jobs';
import '@/lib/chat/jobs';
import { reconcileOnlineStatus } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { sweepUnusedImages } from '@/lib/media';

const worker = startWorker({ log: (line) => console.log(`[worker] ${line}`) });

// Online status follows realtime webhooks; this catches any that were lost (a restart, an outage).
const reconcileEveryMs = 60_000;
const reconcile = () =>
  reconcileOnlineStatus().catch((error: unknown) => console.warn(`[worker] online status not reconciled: ${error instanceof Error ? error.message : error}`));
const reconciler = setInterval(reconcile, reconcileEveryMs);

// Images uploaded but never used (a photo taken out of a post before posting) go after a day:
// long enough that nobody is still writing the post they were chosen for.
const sweepEveryMs = 60 * 60_000;
const unusedFor = 24 * 60 * 60_000;
const sweep = () =>
  sweepUnusedImages(new Date(now().getTime() - unusedFor))
    .then((removed) => removed > 0 && console.log(`[worker] removed ${removed} unused image(s)`))
    .catch((error: unknown) => console.warn(`[worker] unused images not swept: ${error instanceof Error ? error.message : error}`));
const sweeper = setInterval(sweep, sweepEveryMs);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    clearInterval(reconciler);
    clearInterval(sweeper);
    void worker.stop().then(() => process.exit(0));
  });
}
