import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/pg-client';
import { applyMigrations } from '../../scripts/lib/migrations';
import { scalePassword, seedScale } from '../../scripts/lib/scale-seed';

/** The scale data set (npm run seed:scale, the feed benchmark) on a scratch database of its own. */
const scratchName = `plaza_scale_${process.pid}_${Date.now()}`;
const serverUrl = process.env.DATABASE_URL!;
const scratchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${scratchName}`;
  return url.toString();
})();

const one = async (sql: string, params: unknown[] = []) => withClient(scratchUrl, async (client) => (await client.query(sql, params)).rows[0] as Record<string, unknown>);
const number = async (sql: string, params: unknown[] = []) => Number(Object.values(await one(sql, params))[0]);

beforeAll(async () => {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${scratchName}"`));
  await applyMigrations(scratchUrl);
});

afterAll(async () => {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`));
});

describe('scale data set', () => {
  it('writes people, friends and posts whose counters, hashtags and audiences agree', async () => {
    const result = await seedScale({ url: scratchUrl, users: 400, posts: 4000 });
    expect(result.rows.User).toBe(400);
    expect(result.rows.Post).toBe(4000);
    expect(await number(`SELECT count(*) FROM "User" WHERE handle ~ '^scale[0-9]{6}$'`)).toBe(400);

    // Friendship is two rows per pair; most people have 20–50 friends, some many more.
    expect(await number(`SELECT count(*) FROM "Friendship" f WHERE NOT EXISTS (SELECT 1 FROM "Friendship" g WHERE g."userId" = f."friendId" AND g."friendId" = f."userId")`)).toBe(0);
    const median = await number(`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT count(*) n FROM "Friendship" GROUP BY "userId") x`);
    expect(median).toBeGreaterThanOrEqual(20);
    expect(median).toBeLessThanOrEqual(50);
    expect(await number(`SELECT count(*) FROM "Follow"`)).toBeGreaterThan(400 * 5);

    const share = async (audience: string) => (await number(`SELECT count(*) FROM "Post" WHERE audience = $1`, [audience])) / 4000;
    expect(await share('PUBLIC')).toBeCloseTo(0.6, 1);
    expect(await share('FRIENDS')).toBeCloseTo(0.35, 1);

    expect(await number(`SELECT count(*) FROM "Post" p WHERE "likeCount" <> (SELECT count(*) FROM "PostLike" l WHERE l."postId" = p.id)`)).toBe(0);
    expect(await number(`SELECT count(*) FROM "Post" p WHERE "commentCount" <> (SELECT count(*) FROM "PostComment" c WHERE c."postId" = p.id)`)).toBe(0);
    expect(await number(`SELECT count(*) FROM "Post" p WHERE "shareCount" <> (SELECT count(*) FROM "Post" s WHERE s."sharedPostId" = p.id)`)).toBe(0);
    expect(await number(`SELECT sum("likeCount") FROM "Post"`)).toBeGreaterThan(0);
    expect(await number(`SELECT count(*) FROM "PostHashtag"`)).toBeGreaterThan(0);
    expect(await number(`SELECT count(*) FROM "PostHashtag" h JOIN "Post" p ON p.id = h."postId"
      WHERE position('#' || h.tag IN p.body) = 0 OR h.audience <> p.audience OR h."createdAt" <> p."createdAt" OR h."authorId" <> p."authorId"`)).toBe(0);
    // Only people who can see a post react to it.
    expect(await number(`SELECT count(*) FROM "PostLike" l JOIN "Post" p ON p.id = l."postId" WHERE p.audience = 'ONLY_ME'
      OR (p.audience = 'FRIENDS' AND NOT EXISTS (SELECT 1 FROM "Friendship" f WHERE f."userId" = p."authorId" AND f."friendId" = l."userId"))`)).toBe(0);
    expect(await number(`SELECT count(*) FROM "PostComment" c JOIN "PostComment" parent ON parent.id = c."parentId" WHERE parent."parentId" IS NOT NULL OR parent."postId" <> c."postId"`)).toBe(0);
    expect(await number(`SELECT count(*) FROM "Post" p WHERE cardinality(p."mediaIds") > 0 AND (SELECT count(*) FROM "MediaAsset" m WHERE m.id = ANY(p."mediaIds")) <> cardinality(p."mediaIds")`)).toBe(0);

    // The person offered to sign in as exists, has friends, and the printed password is theirs.
    const sample = await one(`SELECT id, email, "passwordHash" FROM "User" WHERE handle = $1`, [result.sample.handle]);
    expect(sample.id).toBe(result.sample.id);
    expect(await number(`SELECT count(*) FROM "Friendship" WHERE "userId" = $1`, [result.sample.id])).toBe(result.sample.friends);
    expect(await verify(String(sample.passwordHash), scalePassword)).toBe(true);
  });

  it('refuses a database that already has scale people, and --reset replaces them without touching anyone else', async () => {
    await withClient(scratchUrl, async (client) => {
      await client.query(`INSERT INTO "User" (id, email, handle, name, "updatedAt") VALUES ('someoneelse00000000000001', 'alice@example.test', 'alice', 'Alice', now())`);
      await client.query(`INSERT INTO "Post" (id, "authorId", body, "likeCount") VALUES ('someonespost0000000000001', 'someoneelse00000000000001', 'hello', 1)`);
      await client.query(`INSERT INTO "PostLike" ("postId", "userId") SELECT 'someonespost0000000000001', id FROM "User" WHERE handle = 'scale000001'`);
    });
    await expect(seedScale({ url: scratchUrl, users: 300, posts: 100 })).rejects.toThrow(/already has 400 scale people.*--reset/);
    expect(await number(`SELECT count(*) FROM "Post"`)).toBe(4001);

    await seedScale({ url: scratchUrl, users: 300, posts: 100, reset: true });
    expect(await number(`SELECT count(*) FROM "User" WHERE handle ~ '^scale'`)).toBe(300);
    expect(await number(`SELECT count(*) FROM "Post" WHERE "authorId" <> 'someoneelse00000000000001'`)).toBe(100);
    expect(await one(`SELECT "likeCount" FROM "Post" WHERE id = 'someonespost0000000000001'`)).toEqual({ likeCount: 0 });
    expect(await number(`SELECT count(*) FROM "User" WHERE handle = 'alice'`)).toBe(1);
  });
});
