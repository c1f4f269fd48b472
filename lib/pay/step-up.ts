import 'server-only';
import { confirmPassword, getAccountSettings, recordStepUp } from '@/lib/account';
import type { Viewer } from '@/lib/core/viewer';

/**
 * Takes the proof a payment form may carry: a password typed again (checked and counted like a
 * sign-in), or, for an account without a password, a sign-in within the last few minutes. A good
 * proof lets this device send past the daily allowance for a few minutes (lib/pay/policy.ts).
 * Without a proof nothing happens here; the policy asks for one when it is needed. The caller
 * reads "signed in recently" from the session (the sign-in code is not loaded here).
 */
export async function acceptStepUpProof(viewer: Viewer, password: string | undefined, proof: { signedInRecently: boolean }): Promise<void> {
  if (password) {
    await confirmPassword(viewer, password, { signedInRecently: false });
    await recordStepUp(viewer);
    return;
  }
  if (proof.signedInRecently && !(await getAccountSettings(viewer)).hasPassword) await recordStepUp(viewer);
}
