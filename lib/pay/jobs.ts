import 'server-only';
import { z } from 'zod';
import { registerJobHandler } from '@/lib/core/jobs';
import { expireRedPacketIfDue, redPacketExpireJob } from './red-packets';
import { returnTransferIfExpired, transferReturnJob } from './transfers';

/** Pay's background jobs; the worker loads this module so they register. */
registerJobHandler(transferReturnJob, async (payload) => {
  await returnTransferIfExpired(z.object({ transferId: z.string() }).parse(payload).transferId);
});
registerJobHandler(redPacketExpireJob, async (payload) => {
  await expireRedPacketIfDue(z.object({ packetId: z.string() }).parse(payload).packetId);
});
