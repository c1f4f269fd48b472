import 'server-only';

/**
 * The pay domain's public API. Other domains move money only through these (DESIGN.md rule 3).
 * Amounts are integer minor units with a currency.
 */
export { transfer, acceptTransfer, getTransfer, listTransfersWaitingForMe, returnExpiredTransfers, returnTransferIfExpired } from './transfers';
export { createRedPacket, claimRedPacket, getRedPacket, expireRedPackets, listRedPacketsWaitingForMe } from './red-packets';
export { getBalances, getHistory, grantPromotion, type WalletLine, type HistoryFilter } from './wallet';
export { onTransferChanged, onRedPacketChanged, type TransferChange, type RedPacketChange } from './hooks';
export { checkLedger } from './ledger';
export { currencies, formatMinor, type Currency, type Money } from './money';
export type { TransferDto, RedPacketDto, TransferInput, RedPacketInput } from './schemas';

import { createRedPacket, claimRedPacket } from './red-packets';
/** `pay.redPacket.create` / `pay.redPacket.claim`, as other domains call them. */
export const redPacket = { create: createRedPacket, claim: claimRedPacket };
export { charge, refund, onChargeSettled, type ChargeDto, type ChargeInput, type ChargeResult } from './charges';
export { handleStripeWebhook, handleStripeEvent, getCardPaymentStatus } from './cards';
export { cardPaymentsAvailable } from './stripe';
export { acceptStepUpProof } from './step-up';
export { withdrawRedPacketEligibility } from './red-packets';
