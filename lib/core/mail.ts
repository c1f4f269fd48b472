import 'server-only';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { canReadOutgoingMail } from './admin-policy';
import { now } from './clock';
import { db, type Prisma } from './db';
import { env } from './env';
import { notFound } from './errors';
import { enqueue, registerJobHandler } from './jobs';
import type { Viewer } from './session';

/**
 * Mail leaves through the job queue, so a slow or unreachable mail server never holds up a
 * request and a failed send is retried. With SMTP_URL it goes out over SMTP and no body is
 * kept; without, it is stored in OutgoingMail for admins to read at /admin/mail, so the
 * embedded setup works end to end.
 */
const mailSchema = z.object({
  to: z.string().min(3).max(254),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
});
export type Mail = z.infer<typeof mailSchema>;

export const mailJobKind = 'mail.send';

/** Queues a message; pass the caller's transaction so it is sent only if that change commits. */
export async function sendMail(mail: Mail, tx?: Prisma.TransactionClient): Promise<void> {
  await enqueue(mailJobKind, mailSchema.parse(mail), { maxAttempts: 8 }, tx);
}

let transport: nodemailer.Transporter | undefined;

async function deliver(payload: unknown): Promise<void> {
  const mail = mailSchema.parse(payload);
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    return;
  }
  await db().outgoingMail.create({ data: { ...mail, html: mail.html ?? null, transport: 'stored', sentAt: now(), createdAt: now() } });
}

// The payload carries the body (and often a one-time link): blank it once the job is done.
registerJobHandler(mailJobKind, deliver, { scrubPayload: true });

export type StoredMailSummary = { id: string; to: string; subject: string; createdAt: Date };
export type StoredMail = StoredMailSummary & { text: string };

const pageSize = 30;

/** Cursor "<ISO time>_<id>": newest first, stable when mails share a timestamp. */
function parseCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = cursor ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_(\w{1,40})$/.exec(cursor) : null;
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/** Admins only; anyone else hears that there is nothing here. */
export async function listStoredMail(viewer: Viewer | null, cursor?: string): Promise<{ mails: StoredMailSummary[]; next: string | null }> {
  if (!canReadOutgoingMail(viewer)) throw notFound();
  const after = parseCursor(cursor);
  const rows = await db().outgoingMail.findMany({
    where: {
      transport: 'stored',
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
  const mails = rows.slice(0, pageSize);
  const last = mails.at(-1);
  return { mails, next: rows.length > pageSize && last ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

export async function getStoredMail(viewer: Viewer | null, id: string): Promise<StoredMail> {
  if (!canReadOutgoingMail(viewer)) throw notFound();
  const mail = await db().outgoingMail.findFirst({
    where: { id: id.slice(0, 40), transport: 'stored' },
    select: { id: true, to: true, subject: true, createdAt: true, text: true },
  });
  if (!mail) throw notFound();
  return mail;
}
