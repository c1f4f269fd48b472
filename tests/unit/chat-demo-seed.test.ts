import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/pg-client';
import { applyMigrations } from '../../scripts/lib/migrations';

/** The demo data `npm start` adds, on a scratch database of its own: the Chats tab must be alive. */
const run = promisify(execFile);
const scratchName = `plaza_demo_${process.pid}_${Date.now()}`;
const serverUrl = process.env.DATABASE_URL!;
const scratchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${scratchName}`;
  return url.toString();
})();
const mediaDir = mkdtempSync(join(tmpdir(), 'plaza-demo-media-'));

const rows = (sql: string, params: unknown[] = []) => withClient(scratchUrl, async (client) => (await client.query(sql, params)).rows as Record<string, unknown>[]);

beforeAll(async () => {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${scratchName}"`));
  await applyMigrations(scratchUrl);
  await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/seed/index.ts'], {
    env: { ...process.env, DATABASE_URL: scratchUrl, MEDIA_DIR: mediaDir },
  });
}, 240_000);

afterAll(async () => {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`));
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('demo chats', () => {
  it('give the demo person one-to-one chats and a group with history in English and Chinese, some unread', async () => {
    const chats = await rows(
      `SELECT c.kind::text AS kind, c."lastSeq", m."lastReadSeq",
         (SELECT count(*)::int FROM "Message" x WHERE x."conversationId" = c.id AND x.body ~ '[一-龥]') AS chinese
       FROM "ConversationMember" m JOIN "Conversation" c ON c.id = m."conversationId" JOIN "User" u ON u.id = m."memberId"
       WHERE u.handle = 'ana'`,
    );
    expect(chats.filter((chat) => chat.kind === 'DIRECT').length).toBeGreaterThanOrEqual(2);
    const group = chats.find((chat) => chat.kind === 'GROUP');
    expect(Number(group?.lastSeq)).toBeGreaterThanOrEqual(10);
    expect(chats.some((chat) => Number(chat.chinese) > 0)).toBe(true);
    expect(chats.reduce((sum, chat) => sum + Number(chat.lastSeq) - Number(chat.lastReadSeq), 0)).toBeGreaterThan(0);
  });

  it('hold a transfer waiting for her and a red packet in a group she has not opened', async () => {
    const [transfer] = await rows(
      `SELECT t.status::text AS status FROM "Message" msg JOIN "Transfer" t ON t.id = msg."paymentId" JOIN "User" u ON u.id = t."receiverId"
       WHERE msg.kind = 'TRANSFER' AND u.handle = 'ana'`,
    );
    expect(transfer?.status).toBe('PENDING');
    const [packet] = await rows(
      `SELECT p.status::text AS status, c.kind::text AS kind,
         EXISTS (SELECT 1 FROM "RedPacketShare" s WHERE s."packetId" = p.id AND s."claimantId" = u.id) AS claimed,
         u.id = ANY(p."eligibleIds") AS eligible
       FROM "Message" msg JOIN "RedPacket" p ON p.id = msg."paymentId" JOIN "Conversation" c ON c.id = msg."conversationId", "User" u
       WHERE msg.kind = 'RED_PACKET' AND u.handle = 'ana'`,
    );
    expect(packet).toMatchObject({ status: 'OPEN', kind: 'GROUP', claimed: false, eligible: true });
  });
});
