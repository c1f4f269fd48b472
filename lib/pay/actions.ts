'use server';
import { getProfile } from '@/lib/account';
import { action } from '@/lib/core/action';
import { signedInRecently } from '@/lib/core/session';
import { AppError } from '@/lib/core/errors';
import { redPacketFormSchema } from './form-schemas';
import { acceptTransfer, transfer } from './transfers';
import { claimRedPacket, createRedPacket } from './red-packets';
import { acceptStepUpProof } from './step-up';
import { idSchema, transferFormSchema } from './schemas';

const payLimit = () => ({ name: 'pay-actions', limit: 120, windowSeconds: 15 * 60 });

/** Finds the recipient as the sender may see them: blocked and unknown handles look the same. */
async function recipientId(viewer: Parameters<typeof getProfile>[0], handle: string): Promise<string> {
  try {
    const profile = await getProfile(viewer, handle.replace(/^@/, ''));
    if (profile.relation.self) throw new AppError('INVALID', 'checkFields', { handle: 'pay.toSelf' });
    return profile.id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'pay.recipientNotFound', { handle: 'pay.recipientNotFound' });
    throw error;
  }
}

export const sendTransferAction = action(
  transferFormSchema,
  async (input, { viewer }) => {
    const to = await recipientId(viewer, input.handle);
    await acceptStepUpProof(viewer, input.password, { signedInRecently: await signedInRecently() });
    const sent = await transfer(viewer, { to, amount: input.amount, currency: input.currency, note: input.note, idempotencyKey: input.idempotencyKey });
    return { id: sent.id, amount: sent.amount, currency: sent.currency };
  },
  { rateLimit: payLimit },
);

export const acceptTransferAction = action(idSchema, async ({ id }, { viewer }) => {
  const accepted = await acceptTransfer(viewer, id);
  return { id: accepted.id };
});

export const createRedPacketAction = action(
  redPacketFormSchema,
  async (input, { viewer }) => {
    await acceptStepUpProof(viewer, input.password, { signedInRecently: await signedInRecently() });
    const packet = await createRedPacket(viewer, {
      eligible: input.eligible,
      shares: input.shares,
      total: input.total,
      currency: input.currency,
      mode: input.mode,
      idempotencyKey: input.idempotencyKey,
    });
    return { id: packet.id };
  },
  { rateLimit: payLimit },
);

export const claimRedPacketAction = action(idSchema, async ({ id }, { viewer }) => {
  const { amount, packet } = await claimRedPacket(viewer, id);
  return { amount, currency: packet.currency };
});
