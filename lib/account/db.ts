import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import { endSessionsExcept } from './db-sessions';
import type { OwnAccountDto } from './schemas';

/** The only Prisma access for account models. Reads select what callers need, nothing more. */
const ownAccountSelect = { id: true, handle: true, name: true, bio: true, email: true, location: true } as const;

// ---- Social graph: people, friendships, requests, follows, blocks -------------------------

const personSelect = { id: true, handle: true, name: true, avatarId: true } as const;
export type PersonRow = { id: string; handle: string; name: string; avatarId: string | null };

export async function findPersonByHandle(handle: string) {
  return db().user.findUnique({
    where: { handle },
    select: { ...personSelect, bio: true, location: true, coverId: true, friendsVisibility: true, friendRequestsFrom: true },
  });
}

export async function findPeopleByIds(ids: string[]): Promise<PersonRow[]> {
  return ids.length === 0 ? [] : db().user.findMany({ where: { id: { in: ids } }, select: personSelect });
}

/** People by id, leaving out anyone in a block with `viewerId`: one query for any number. */
export async function findVisiblePeopleByIds(viewerId: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db().$queryRaw<PersonRow[]>`
    SELECT u.id, u.handle, u.name, u."avatarId" FROM "User" u
    WHERE u.id = ANY(${ids}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = u.id AND b."blockedId" = ${viewerId}) OR (b."blockerId" = ${viewerId} AND b."blockedId" = u.id))`;
}

/** True when either person blocked the other: one indexed read. */
export async function blockExistsBetween(a: string, b: string): Promise<boolean> {
  const row = await db().block.findFirst({
    where: { OR: [{ blockerId: a, blockedId: b }, { blockerId: b, blockedId: a }] },
    select: { blockerId: true },
  });
  return row !== null;
}

export async function findBlock(blockerId: string, blockedId: string) {
  return db().block.findUnique({ where: { blockerId_blockedId: { blockerId, blockedId } }, select: { createdAt: true } });
}

/** Blocking ends friendship, requests and follows both ways, in one transaction. */
export async function insertBlockEndingTies(blockerId: string, blockedId: string): Promise<void> {
  const pair = [
    { userId: blockerId, friendId: blockedId },
    { userId: blockedId, friendId: blockerId },
  ];
  await db().$transaction([
    db().block.upsert({ where: { blockerId_blockedId: { blockerId, blockedId } }, create: { blockerId, blockedId }, update: {} }),
    db().friendship.deleteMany({ where: { OR: pair } }),
    db().friendRequest.deleteMany({ where: { OR: [{ fromId: blockerId, toId: blockedId }, { fromId: blockedId, toId: blockerId }] } }),
    db().follow.deleteMany({ where: { OR: [{ followerId: blockerId, followeeId: blockedId }, { followerId: blockedId, followeeId: blockerId }] } }),
  ]);
}

export async function deleteBlock(blockerId: string, blockedId: string): Promise<number> {
  return (await db().block.deleteMany({ where: { blockerId, blockedId } })).count;
}

export async function listBlockedPeople(blockerId: string): Promise<PersonRow[]> {
  const rows = await db().block.findMany({ where: { blockerId }, orderBy: { createdAt: 'desc' }, select: { blockedId: true } });
  return findPeopleByIds(rows.map((row) => row.blockedId));
}

export async function areFriends(a: string, b: string): Promise<boolean> {
  return (await db().friendship.count({ where: { userId: a, friendId: b } })) > 0;
}

export async function haveMutualFriend(a: string, b: string): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT 1 FROM "Friendship" x JOIN "Friendship" y ON x."friendId" = y."friendId"
    WHERE x."userId" = ${a} AND y."userId" = ${b} LIMIT 1`;
  return rows.length > 0;
}

export async function findRequestBetween(fromId: string, toId: string) {
  return db().friendRequest.findUnique({ where: { fromId_toId: { fromId, toId } }, select: { id: true } });
}

/** Null when a request already exists (the unique index decides). */
export async function insertFriendRequest(fromId: string, toId: string) {
  try {
    return await db().friendRequest.create({ data: { fromId, toId }, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

/**
 * Accepting takes the request row (only the addressee can) and writes both friendship rows in
 * one transaction; a second accept finds no row and changes nothing.
 */
export async function acceptRequestAsAddressee(requestId: string, addresseeId: string): Promise<{ fromId: string } | null> {
  return db().$transaction(async (tx) => {
    const request = await tx.friendRequest.findFirst({ where: { id: requestId, toId: addresseeId }, select: { fromId: true } });
    if (!request) return null;
    const taken = await tx.friendRequest.deleteMany({ where: { id: requestId, toId: addresseeId } });
    if (taken.count !== 1) return null;
    await tx.friendRequest.deleteMany({ where: { fromId: addresseeId, toId: request.fromId } });
    await tx.friendship.createMany({
      data: [
        { userId: addresseeId, friendId: request.fromId },
        { userId: request.fromId, friendId: addresseeId },
      ],
      skipDuplicates: true,
    });
    return request;
  });
}

export async function deleteRequest(where: { id: string; fromId?: string; toId?: string }): Promise<number> {
  return (await db().friendRequest.deleteMany({ where })).count;
}

export async function deleteFriendship(a: string, b: string): Promise<number> {
  return (await db().friendship.deleteMany({ where: { OR: [{ userId: a, friendId: b }, { userId: b, friendId: a }] } })).count;
}

export async function listRequests(direction: 'incoming' | 'outgoing', personId: string) {
  const rows = await db().friendRequest.findMany({
    where: direction === 'incoming' ? { toId: personId } : { fromId: personId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, fromId: true, toId: true, createdAt: true },
  });
  const people = await findPeopleByIds(rows.map((row) => (direction === 'incoming' ? row.fromId : row.toId)));
  const byId = new Map(people.map((person) => [person.id, person]));
  return rows.flatMap((row) => {
    const person = byId.get(direction === 'incoming' ? row.fromId : row.toId);
    return person ? [{ id: row.id, createdAt: row.createdAt, person }] : [];
  });
}

/**
 * Friends of `personId`, by name, with keyset pagination on (name, id); people in a block with
 * `viewerId` are left out.
 */
export async function listFriendsOf(personId: string, viewerId: string, opts: { query?: string; after?: { name: string; id: string }; take: number }) {
  const pattern = opts.query ? `%${opts.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db().$queryRaw<PersonRow[]>`
    SELECT u.id, u.handle, u.name, u."avatarId"
    FROM "Friendship" f JOIN "User" u ON u.id = f."friendId"
    WHERE f."userId" = ${personId}
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = u.id AND b."blockedId" = ${viewerId}) OR (b."blockerId" = ${viewerId} AND b."blockedId" = u.id))
      AND (${pattern}::text IS NULL OR u.name ILIKE ${pattern} OR u.handle ILIKE ${pattern})
      AND (${opts.after?.name ?? null}::text IS NULL OR (u.name, u.id) > (${opts.after?.name ?? ''}, ${opts.after?.id ?? ''}))
    ORDER BY u.name, u.id
    LIMIT ${opts.take}`;
}

export async function countGraph(personId: string) {
  const [friends, followers, following] = await Promise.all([
    db().friendship.count({ where: { userId: personId } }),
    db().follow.count({ where: { followeeId: personId } }),
    db().follow.count({ where: { followerId: personId } }),
  ]);
  return { friends, followers, following };
}

export async function relationBetween(viewerId: string, otherId: string) {
  const [friend, outgoing, incoming, following, followsYou, blockedByMe] = await Promise.all([
    db().friendship.findUnique({ where: { userId_friendId: { userId: viewerId, friendId: otherId } }, select: { createdAt: true } }),
    db().friendRequest.findUnique({ where: { fromId_toId: { fromId: viewerId, toId: otherId } }, select: { id: true } }),
    db().friendRequest.findUnique({ where: { fromId_toId: { fromId: otherId, toId: viewerId } }, select: { id: true } }),
    db().follow.findUnique({ where: { followerId_followeeId: { followerId: viewerId, followeeId: otherId } }, select: { createdAt: true } }),
    db().follow.findUnique({ where: { followerId_followeeId: { followerId: otherId, followeeId: viewerId } }, select: { createdAt: true } }),
    db().block.findUnique({ where: { blockerId_blockedId: { blockerId: viewerId, blockedId: otherId } }, select: { createdAt: true } }),
  ]);
  return {
    friend: friend !== null,
    outgoingRequestId: outgoing?.id ?? null,
    incomingRequestId: incoming?.id ?? null,
    following: following !== null,
    followsYou: followsYou !== null,
    blockedByMe: blockedByMe !== null,
  };
}

export async function insertFollow(followerId: string, followeeId: string): Promise<boolean> {
  const result = await db().follow.createMany({ data: [{ followerId, followeeId }], skipDuplicates: true });
  return result.count === 1;
}

export async function deleteFollow(followerId: string, followeeId: string): Promise<number> {
  return (await db().follow.deleteMany({ where: { followerId, followeeId } })).count;
}

/** Friends of friends who are not friends yet, most mutual friends first; blocks and pending requests excluded. */
export async function findFriendsOfFriends(personId: string, take: number) {
  return db().$queryRaw<(PersonRow & { mutual: number })[]>`
    SELECT u.id, u.handle, u.name, u."avatarId", COUNT(*)::int AS mutual
    FROM "Friendship" mine
    JOIN "Friendship" theirs ON theirs."userId" = mine."friendId"
    JOIN "User" u ON u.id = theirs."friendId"
    WHERE mine."userId" = ${personId}
      AND theirs."friendId" <> ${personId}
      AND NOT EXISTS (SELECT 1 FROM "Friendship" f WHERE f."userId" = ${personId} AND f."friendId" = u.id)
      AND NOT EXISTS (SELECT 1 FROM "FriendRequest" r WHERE (r."fromId" = ${personId} AND r."toId" = u.id) OR (r."fromId" = u.id AND r."toId" = ${personId}))
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = u.id AND b."blockedId" = ${personId}) OR (b."blockerId" = ${personId} AND b."blockedId" = u.id))
    GROUP BY u.id
    ORDER BY mutual DESC, u.name
    LIMIT ${take}`;
}

/**
 * Name or handle search. ILIKE is served by the trigram indexes (any script, any position);
 * similarity() ranks close matches and catches small typos. People in a block with the
 * searcher never appear.
 */
export async function searchPeople(viewerId: string, query: string, take: number) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db().$queryRaw<PersonRow[]>`
    SELECT u.id, u.handle, u.name, u."avatarId"
    FROM "User" u
    WHERE (u.name ILIKE ${pattern} OR u.handle ILIKE ${pattern} OR u.name % ${query} OR u.handle % ${query})
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = u.id AND b."blockedId" = ${viewerId}) OR (b."blockerId" = ${viewerId} AND b."blockedId" = u.id))
    ORDER BY (lower(u.handle) = lower(${query})) DESC,
             (u.handle ILIKE ${`${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) DESC,
             GREATEST(similarity(u.name, ${query}), similarity(u.handle, ${query})) DESC,
             u.name
    LIMIT ${take}`;
}

export async function updatePrivacy(id: string, data: { friendsVisibility: 'EVERYONE' | 'FRIENDS' | 'ONLY_ME'; friendRequestsFrom: 'EVERYONE' | 'FRIENDS_OF_FRIENDS' | 'NOBODY' }) {
  return db().user.update({ where: { id }, data, select: { friendsVisibility: true, friendRequestsFrom: true } });
}

export async function findPrivacy(id: string) {
  return db().user.findUnique({ where: { id }, select: { friendsVisibility: true, friendRequestsFrom: true } });
}

export async function insertUser(data: { email: string; handle: string; name: string; passwordHash: string }) {
  try {
    return await db().user.create({ data, select: ownAccountSelect });
  } catch (error) {
    // The unique indexes decide who gets a handle or email; report which one was taken.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      return { taken: target.includes('handle') ? ('handle' as const) : ('email' as const) };
    }
    throw error;
  }
}

export async function updateAdminRole(handle: string, isAdmin: boolean): Promise<{ handle: string; isAdmin: boolean } | null> {
  const [row] = await db().user.updateManyAndReturn({ where: { handle }, data: { isAdmin }, select: { handle: true, isAdmin: true } });
  return row ?? null;
}

export async function findAdminHandles(): Promise<string[]> {
  const rows = await db().user.findMany({ where: { isAdmin: true }, select: { handle: true }, orderBy: { handle: 'asc' } });
  return rows.map((row) => row.handle);
}

export async function findEmailVerifiedAt(id: string): Promise<Date | null> {
  const row = await db().user.findUnique({ where: { id }, select: { emailVerifiedAt: true } });
  return row?.emailVerifiedAt ?? null;
}

export async function setEmailVerified(id: string, at: Date): Promise<void> {
  await db().user.update({ where: { id }, data: { emailVerifiedAt: at }, select: { id: true } });
}

export async function findEmailOrHandleTaken(email: string, handle: string) {
  const rows = await db().user.findMany({
    where: { OR: [{ email }, { handle }] },
    select: { email: true, handle: true },
  });
  return { email: rows.some((row) => row.email === email), handle: rows.some((row) => row.handle === handle) };
}

export async function findCredentialsByEmail(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { id: true, handle: true, name: true, email: true, passwordHash: true },
  });
}

export async function findOwnAccount(id: string): Promise<OwnAccountDto | null> {
  return db().user.findUnique({ where: { id }, select: ownAccountSelect });
}

export async function updateProfile(id: string, data: { name: string; bio: string; location: string }): Promise<OwnAccountDto> {
  return db().user.update({ where: { id }, data, select: ownAccountSelect });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

// ——— Recovery, verification and settings (lib/account/recovery.ts) ———

type TokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION';
type NewToken = { userId: string; purpose: TokenPurpose; tokenHash: string; email?: string; expiresAt: Date; createdAt: Date };

export async function findUserForRecovery(email: string) {
  return db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
}

export async function findSettings(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true, passwordHash: true } });
}

export async function isEmailTaken(email: string): Promise<boolean> {
  return (await db().user.count({ where: { email } })) > 0;
}

/** The newest unused, unexpired request to move to another address. */
export async function findPendingEmailChange(userId: string, currentEmail: string, at: Date): Promise<string | null> {
  const token = await db().authToken.findFirst({
    where: { userId, purpose: 'EMAIL_VERIFICATION', usedAt: null, expiresAt: { gt: at }, email: { not: currentEmail } },
    orderBy: { createdAt: 'desc' },
    select: { email: true },
  });
  return token?.email ?? null;
}

/** The token and the mail carrying it commit together: no token without its mail, nor the reverse. */
export async function insertTokenWithMail(token: NewToken, queueMail: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.authToken.create({ data: token, select: { id: true } });
    await queueMail(tx);
  });
}

export async function findToken(tokenHash: string) {
  return db().authToken.findUnique({ where: { tokenHash }, select: { purpose: true, usedAt: true, expiresAt: true } });
}

/**
 * Uses a token exactly once: the conditional update lets only one of two racing requests
 * through. Returns its owner and address, or null when it is unknown, used or expired.
 */
async function consumeToken(tx: Prisma.TransactionClient, tokenHash: string, purpose: TokenPurpose, at: Date) {
  const [token] = await tx.authToken.updateManyAndReturn({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
    select: { userId: true, email: true },
  });
  return token ?? null;
}

/**
 * Sets the new password, retires every other reset link of that person and ends every session
 * they had (whoever else was signed in is signed out), all or nothing.
 */
export async function resetPasswordWithToken(tokenHash: string, passwordHash: string, at: Date): Promise<{ userId: string; email: string } | null> {
  return db().$transaction(async (tx) => {
    const token = await consumeToken(tx, tokenHash, 'PASSWORD_RESET', at);
    if (!token) return null;
    const user = await tx.user.update({ where: { id: token.userId }, data: { passwordHash }, select: { email: true } });
    await tx.authToken.updateMany({ where: { userId: token.userId, purpose: 'PASSWORD_RESET', usedAt: null }, data: { usedAt: at } });
    await endSessionsExcept(token.userId, null, at, tx);
    return { userId: token.userId, email: user.email };
  });
}

/**
 * Marks the address verified, moving the account to it when it is a new one. A move ends every
 * session but `keepSession` (the browser that opened the link, when it is the owner's): whoever
 * signed in with the old address is signed out.
 */
export async function verifyEmailWithToken(tokenHash: string, at: Date, keepSession: string | null): Promise<{ userId: string; email: string; moved: boolean } | 'taken' | null> {
  try {
    return await db().$transaction(async (tx) => {
      const token = await consumeToken(tx, tokenHash, 'EMAIL_VERIFICATION', at);
      if (!token?.email) return null;
      const before = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { email: true } });
      const user = await tx.user.update({ where: { id: token.userId }, data: { email: token.email, emailVerifiedAt: at }, select: { email: true } });
      // Older links (for this or a previous address) must not move the account back.
      await tx.authToken.updateMany({ where: { userId: token.userId, purpose: 'EMAIL_VERIFICATION', usedAt: null }, data: { usedAt: at } });
      const moved = before.email !== user.email;
      if (moved) await endSessionsExcept(token.userId, keepSession, at, tx);
      return { userId: token.userId, email: user.email, moved };
    });
  } catch (error) {
    // Someone else took the address since the link was sent: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'taken';
    throw error;
  }
}

/** A new password, and every session but `keepSession` ended with it, all or nothing. */
export async function updatePasswordHash(userId: string, passwordHash: string, at: Date, keepSession: string | null): Promise<number> {
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    // A reset link mailed before the change must not undo it.
    await tx.authToken.updateMany({ where: { userId, purpose: 'PASSWORD_RESET', usedAt: null }, data: { usedAt: at } });
    return endSessionsExcept(userId, keepSession, at, tx);
  });
}
/** What the profile header needs: who, and which images (MediaAsset ids) they chose. */
export async function findProfileMedia(id: string) {
  return db().user.findUnique({ where: { id }, select: { name: true, handle: true, avatarId: true, coverId: true } });
}

/**
 * Points the avatar or cover at another asset (or none) and returns the one it replaced, so the
 * caller can delete it. The row lock makes two racing changes each see the right predecessor.
 */
export async function replaceProfileImage(id: string, kind: 'avatar' | 'cover', assetId: string | null): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const column = kind === 'avatar' ? Prisma.sql`"avatarId"` : Prisma.sql`"coverId"`;
    const rows = await tx.$queryRaw<{ previous: string | null }[]>`SELECT ${column} AS previous FROM "User" WHERE "id" = ${id} FOR UPDATE`;
    await tx.user.update({ where: { id }, data: kind === 'avatar' ? { avatarId: assetId } : { coverId: assetId }, select: { id: true } });
    return rows[0]?.previous ?? null;
  });
}

// ——— External identities (lib/account/identities.ts) ———

/** The account an external identity is linked to, if the identity and its account exist. */
export async function findAccountByIdentity(provider: string, providerAccountId: string) {
  const identity = await db().externalIdentity.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (!identity) return null;
  return db().user.findUnique({ where: { id: identity.userId }, select: { id: true, handle: true } });
}

/**
 * Creates the account and its first identity together: either both exist afterwards or
 * neither. The unique indexes decide races for the handle, the email or the identity itself.
 */
export async function insertUserWithIdentity(
  user: { email: string; handle: string; name: string; emailVerifiedAt: Date | null },
  identity: { provider: string; providerAccountId: string },
) {
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...user, passwordHash: null }, select: ownAccountSelect });
      await tx.externalIdentity.create({ data: { ...identity, userId: created.id, email: user.email } });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      return { taken: target.includes('handle') ? ('handle' as const) : target.includes('email') ? ('email' as const) : ('identity' as const) };
    }
    throw error;
  }
}

export async function findSignInMethods(userId: string) {
  const [user, identities] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    db().externalIdentity.findMany({ where: { userId }, select: { provider: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  if (!user) return null;
  return { hasPassword: user.passwordHash !== null, providers: identities.map((identity) => identity.provider) };
}

/** Sets the password only where none is set yet, in one statement; false if one already was. */
export async function setPasswordIfNone(userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await db().user.updateMany({ where: { id: userId, passwordHash: null }, data: { passwordHash } });
  return count === 1;
}

// ---- Online status ----------------------------------------------------------------------

export type PresenceRow = { id: string; onlineSince: Date | null; lastSeenAt: Date | null };

/**
 * Flips people online or offline, touching only rows whose state changes, and returns those:
 * a repeated or out-of-date signal changes nothing and so announces nothing.
 */
export async function setOnline(ids: string[], online: boolean, at: Date): Promise<PresenceRow[]> {
  if (ids.length === 0) return [];
  return online
    ? db().$queryRaw<PresenceRow[]>`
        UPDATE "User" SET "onlineSince" = ${at}, "lastSeenAt" = ${at}
        WHERE id = ANY(${ids}::text[]) AND "onlineSince" IS NULL
        RETURNING id, "onlineSince", "lastSeenAt"`
    : db().$queryRaw<PresenceRow[]>`
        UPDATE "User" SET "onlineSince" = NULL, "lastSeenAt" = ${at}
        WHERE id = ANY(${ids}::text[]) AND "onlineSince" IS NOT NULL
        RETURNING id, "onlineSince", "lastSeenAt"`;
}

export async function findOnlineIds(): Promise<string[]> {
  const rows = await db().user.findMany({ where: { onlineSince: { not: null } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Each person's friends, for many people in one query. */
export async function findFriendIdsOf(personIds: string[]): Promise<Map<string, string[]>> {
  const friends = new Map(personIds.map((id) => [id, [] as string[]]));
  if (personIds.length === 0) return friends;
  const rows = await db().friendship.findMany({ where: { userId: { in: personIds } }, select: { userId: true, friendId: true } });
  for (const row of rows) friends.get(row.userId)!.push(row.friendId);
  return friends;
}

/** Presence of those among `ids` who are friends of `viewerId`; nobody else's is shown. */
export async function findFriendsPresence(viewerId: string, ids: string[]): Promise<PresenceRow[]> {
  if (ids.length === 0) return [];
  return db().$queryRaw<PresenceRow[]>`
    SELECT u.id, u."onlineSince", u."lastSeenAt" FROM "Friendship" f JOIN "User" u ON u.id = f."friendId"
    WHERE f."userId" = ${viewerId} AND u.id = ANY(${ids}::text[])`;
}

/** People by handle, leaving out anyone in a block with `viewerId`: one query for any number. */
export async function findVisiblePeopleByHandles(viewerId: string, handles: string[]): Promise<PersonRow[]> {
  if (handles.length === 0) return [];
  return db().$queryRaw<PersonRow[]>`
    SELECT u.id, u.handle, u.name, u."avatarId" FROM "User" u
    WHERE u.handle = ANY(${handles}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = u.id AND b."blockedId" = ${viewerId}) OR (b."blockerId" = ${viewerId} AND b."blockedId" = u.id))`;
}

/** Of `assetIds`, those someone has as avatar or cover. */
export async function profileImagesInUse(assetIds: string[]): Promise<Set<string>> {
  const rows = await db().user.findMany({ where: { OR: [{ avatarId: { in: assetIds } }, { coverId: { in: assetIds } }] }, select: { avatarId: true, coverId: true } });
  return new Set(rows.flatMap((row) => [row.avatarId, row.coverId]).filter((id): id is string => id !== null && assetIds.includes(id)));
}
