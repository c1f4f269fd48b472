/**
 * Fills a database with a large, plausible data set for measuring the feed: people, friends,
 * follows, posts, hashtags, photos (rows only), likes and comments. Rows go in through COPY in
 * one transaction, so a failed run leaves nothing behind. Every scale person signs in with
 * `scalePassword`.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { busiestViewer, commentColumns, commentRows, hashtagColumns, likeColumns, likeRows, makeContent, mediaColumns, postColumns, postRows } from './scale-content';
import { followColumns, followRows, friendsOf, friendshipColumns, friendshipRows, makeGraph, scaleEmail, scaleEmailDomain, userColumns, userRows } from './scale-graph';
import { seededRandom } from './scale-random';

export const scalePassword = 'plaza-scale-2026';

export type ScaleSeedOptions = {
  url: string;
  users: number;
  posts: number;
  /** Remove earlier scale data first; without it, a database that has some is refused. */
  reset?: boolean;
  seed?: number;
  log?: (line: string) => void;
};

export type ScaleSeedResult = {
  seconds: number;
  rows: Record<string, number>;
  /** A person with a typical-to-busy circle of friends (90th percentile), to sign in as. */
  sample: { id: string; handle: string; email: string; friends: number };
};

// Scale people are recognised by both handle and email, so nobody else's account is touched.
const scalePeopleSql = `SELECT id FROM "User" WHERE handle ~ '^scale[0-9]{6,}$' AND email LIKE '%@${scaleEmailDomain}'`;

async function copyInto(client: pg.Client, table: string, columns: string[], lines: Iterable<string>): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`));
  const done = finished(stream);
  let buffer = '';
  let count = 0;
  for (const line of lines) {
    buffer += line;
    count += 1;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), done]);
      buffer = '';
    }
  }
  stream.end(buffer);
  await done;
  return count;
}

/** Removes scale people and everything they wrote or did on the feed, keeping other posts' counters right. */
async function removeScaleData(client: pg.Client): Promise<void> {
  await client.query(`CREATE TEMP TABLE scale_people ON COMMIT DROP AS ${scalePeopleSql}`);
  await client.query('CREATE TEMP TABLE scale_posts ON COMMIT DROP AS SELECT p.id FROM "Post" p JOIN scale_people s ON s.id = p."authorId"');
  await client.query(`UPDATE "Post" p SET "likeCount" = p."likeCount" - c.n FROM (
      SELECT l."postId", count(*)::int AS n FROM "PostLike" l JOIN scale_people s ON s.id = l."userId" GROUP BY 1) c
    WHERE p.id = c."postId" AND p.id NOT IN (SELECT id FROM scale_posts)`);
  await client.query(`UPDATE "Post" p SET "commentCount" = p."commentCount" - c.n FROM (
      SELECT m."postId", count(*)::int AS n FROM "PostComment" m JOIN scale_people s ON s.id = m."authorId" WHERE m."hiddenAt" IS NULL GROUP BY 1) c
    WHERE p.id = c."postId" AND p.id NOT IN (SELECT id FROM scale_posts)`);
  const statements = [
    'DELETE FROM "PostHashtag" t USING scale_posts s WHERE t."postId" = s.id',
    'DELETE FROM "PostLike" t USING scale_posts s WHERE t."postId" = s.id',
    'DELETE FROM "PostLike" t USING scale_people s WHERE t."userId" = s.id',
    'DELETE FROM "PostComment" t USING scale_posts s WHERE t."postId" = s.id',
    'DELETE FROM "PostComment" t USING scale_people s WHERE t."authorId" = s.id',
    'DELETE FROM "Post" t USING scale_posts s WHERE t.id = s.id',
    'DELETE FROM "MediaAsset" t USING scale_people s WHERE t."ownerId" = s.id',
    'DELETE FROM "Friendship" t USING scale_people s WHERE t."userId" = s.id OR t."friendId" = s.id',
    'DELETE FROM "Follow" t USING scale_people s WHERE t."followerId" = s.id OR t."followeeId" = s.id',
    'DELETE FROM "FriendRequest" t USING scale_people s WHERE t."fromId" = s.id OR t."toId" = s.id',
    'DELETE FROM "User" t USING scale_people s WHERE t.id = s.id',
  ];
  for (const statement of statements) await client.query(statement);
}

export async function seedScale(options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (!Number.isInteger(options.users) || options.users < 2) throw new Error('--users must be a whole number of at least 2');
  if (!Number.isInteger(options.posts) || options.posts < 0) throw new Error('--posts must be a whole number');
  if (options.users > 999_999) throw new Error('--users is at most 999999 (handles are scale000001…scale999999)');

  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const existing = await client.query(`SELECT count(*)::int AS n FROM (${scalePeopleSql}) s`);
    const existingCount = (existing.rows[0] as { n: number }).n;
    if (existingCount > 0 && !options.reset) {
      throw new Error(`This database already has ${existingCount} scale people. Run again with --reset to replace them.`);
    }

    const random = seededRandom(options.seed ?? 20261128);
    const now = Date.now();
    // One hash for everyone: argon2id at the account domain's cost, verified like any other.
    const passwordHash = await hash(scalePassword, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const graph = makeGraph(options.users, random, now);
    const content = makeContent(graph, options.posts, random, now);
    step(`Planned ${options.users} people, ${graph.friendships} friendships and ${options.posts} posts`);

    const rows: Record<string, number> = {};
    await client.query('BEGIN');
    // Nothing else waits on this transaction's commit; flushing the WAL once at the end is enough.
    await client.query('SET LOCAL synchronous_commit = off');
    if (existingCount > 0) {
      await removeScaleData(client);
      step(`Removed the earlier ${existingCount} scale people and their data`);
    }
    rows.User = await copyInto(client, 'User', userColumns, userRows(graph, passwordHash, random));
    rows.Friendship = await copyInto(client, 'Friendship', friendshipColumns, friendshipRows(graph, now));
    step('People and friendships written');
    rows.Follow = await copyInto(client, 'Follow', followColumns, followRows(graph, random, now));
    const hashtagLines: string[] = [];
    const mediaLines: string[] = [];
    rows.Post = await copyInto(client, 'Post', postColumns, postRows(graph, content, random, hashtagLines, mediaLines));
    step('Posts written');
    rows.PostHashtag = await copyInto(client, 'PostHashtag', hashtagColumns, hashtagLines);
    rows.MediaAsset = await copyInto(client, 'MediaAsset', mediaColumns, mediaLines);
    rows.PostLike = await copyInto(client, 'PostLike', likeColumns, likeRows(graph, content, random, now));
    rows.PostComment = await copyInto(client, 'PostComment', commentColumns, commentRows(graph, content, random, now));
    await client.query('COMMIT');
    step('Hashtags, photos, likes and comments written');
    await client.query('ANALYZE');
    step('Analyzed');

    // The 90th percentile of friend counts: busier than most, as a benchmark's viewer should be.
    const degrees = Array.from({ length: graph.users }, (_, i) => friendsOf(graph, i).length);
    const target = [...degrees].sort((a, b) => a - b)[Math.floor(graph.users * 0.9)]!;
    const index = busiestViewer(graph, content, target);
    return {
      seconds: (performance.now() - started) / 1000,
      rows,
      sample: { id: graph.ids[index]!, handle: graph.handles[index]!, email: scaleEmail(index), friends: degrees[index]! },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
