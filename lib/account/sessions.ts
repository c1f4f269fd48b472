import 'server-only';
import { UAParser } from 'ua-parser-js';
import { now } from '@/lib/core/clock';
import { AppError, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { revokeChannel, userChannel } from '@/lib/realtime';
import * as sessions from './db-sessions';
import { canEditAccount } from './policy';

/**
 * Sign-in sessions: each signed-in browser is a row whose id the session token carries, so a
 * session can be ended from anywhere and a stolen or forgotten one stops working at once.
 */

// Matches the session token's own lifetime: a browser unseen for this long signs in again.
export const sessionIdleLimitMs = 30 * 24 * 60 * 60 * 1000;
// How stale "last seen" may get before a request refreshes it (the only write on the hot path).
const lastSeenPrecisionMs = 5 * 60 * 1000;

export type DeviceDto = { id: string; label: string; createdAt: Date; lastSeenAt: Date; current: boolean };
export type SessionPerson = { id: string; handle: string; isAdmin: boolean };

/** "Chrome on Android": enough for a person to recognise their own device in a list. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const parsed = new UAParser(userAgent ?? '').getResult();
  const browser = parsed.browser.name;
  const device = parsed.device.model && parsed.device.type ? parsed.device.model : parsed.os.name;
  if (browser && device) return `${browser} on ${device}`.slice(0, 120);
  return (browser ?? device ?? 'Unknown device').slice(0, 120);
}

/** Called once per sign-in, by the sign-in callback; returns the id the token will carry. */
export async function beginSession(userId: string, userAgent: string | null | undefined): Promise<string> {
  return sessions.insertSession({ userId, deviceLabel: deviceLabel(userAgent), at: now() });
}

/** Who a session token's session belongs to, or null once it has ended (or idled out). */
export async function findSessionPerson(sessionId: string): Promise<SessionPerson | null> {
  const at = now();
  const row = await sessions.findLiveSession(sessionId, at, new Date(at.getTime() - lastSeenPrecisionMs), new Date(at.getTime() - sessionIdleLimitMs));
  return row ? { id: row.userId, handle: row.handle, isAdmin: row.isAdmin } : null;
}

export async function listDevices(viewer: Viewer): Promise<DeviceDto[]> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const rows = await sessions.listLiveSessions(viewer.id, new Date(now().getTime() - sessionIdleLimitMs));
  return rows.map((row) => ({ id: row.id, label: row.deviceLabel, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, current: row.id === viewer.sessionId }));
}

/**
 * After sessions end, their browsers' open realtime connections must not keep listening: the
 * person's user channel is revoked, which closes every socket holding it (ADR 007). Browsers
 * still signed in reconnect and are let back in; ended ones are refused by channel auth.
 */
export async function dropEndedConnections(userId: string): Promise<void> {
  await revokeChannel(userChannel(userId));
}

/** "Sign out" on one device in the list. Ending the current one is signing out. */
export async function endDevice(viewer: Viewer, sessionId: string): Promise<{ ended: true }> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  if ((await sessions.endSession(viewer.id, sessionId, now())) === 0) throw notFound();
  await dropEndedConnections(viewer.id);
  return { ended: true };
}

/** "Sign out everywhere else": every session but the one asking. */
export async function endOtherDevices(viewer: Viewer): Promise<{ ended: number }> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const ended = await sessions.endSessionsExcept(viewer.id, viewer.sessionId ?? null, now());
  if (ended > 0) await dropEndedConnections(viewer.id);
  return { ended };
}

/** Signing out ends the session row too, so a copied cookie is worthless afterwards. */
export async function endCurrentSession(viewer: Viewer): Promise<void> {
  if (!viewer.sessionId) return;
  if ((await sessions.endSession(viewer.id, viewer.sessionId, now())) > 0) await dropEndedConnections(viewer.id);
}

/**
 * A step-up proof (the password typed again, or a fresh sign-in for accounts without one),
 * kept on this device's session: other devices and other sessions do not inherit it.
 */
export async function recordStepUp(viewer: Viewer): Promise<void> {
  if (viewer.sessionId) await sessions.setConfirmedAt(viewer.id, viewer.sessionId, now());
}

/** When this device last gave a step-up proof; null for none (and for viewers without a session). */
export async function lastStepUpAt(viewer: Viewer): Promise<Date | null> {
  return viewer.sessionId ? sessions.findConfirmedAt(viewer.id, viewer.sessionId) : null;
}
