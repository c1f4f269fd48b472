import 'server-only';
import type { RedPacketDto, TransferDto } from './schemas';

/**
 * In-process subscriptions for other domains (chat turns transfers and red packets into
 * messages). Handlers run after the change has committed, whoever caused it: a person, a
 * webhook or a job. A failing handler is logged and does not undo the money.
 */
export type TransferChange = { transfer: TransferDto; change: 'sent' | 'accepted' | 'returned' };
export type RedPacketChange = { packet: RedPacketDto; change: 'created' | 'claimed' | 'finished' | 'expired'; claimantId?: string };

type Handler<T> = (event: T) => Promise<void> | void;

function registry<T>() {
  const handlers: Handler<T>[] = [];
  return {
    on: (handler: Handler<T>) => void handlers.push(handler),
    async emit(event: T) {
      for (const handler of handlers) {
        try {
          await handler(event);
        } catch (error) {
          console.error('pay: a change handler failed', error);
        }
      }
    },
  };
}

export const transferChanges = registry<TransferChange>();
export const redPacketChanges = registry<RedPacketChange>();

export const onTransferChanged = transferChanges.on;
export const onRedPacketChanged = redPacketChanges.on;
