/**
 * Demo data for an empty database, written through the domains' own services so it obeys the
 * same rules as anything a person does. Run with the react-server condition (see start.ts).
 */
import { acceptFriendRequest, block, countPeople, follow, listFriendRequests, markEmailVerified, recordUserChannels, sendFriendRequest, setAdminRole, signUp, updateProfile } from '@/lib/account';
import { userChannel } from '@/lib/realtime';
import { systemViewer, type Viewer } from '@/lib/core/viewer';
import { seedAvatars } from './avatars';
import { seedChats } from './chat';
import { seedFeed } from './feed';
import { seedWallets } from './wallet';
import { demoBlocks, demoFollows, demoFriendships, demoAdminHandle, demoPassword, demoPendingRequests, demoPeople, demoRecentlyActive } from './people';

async function seedPeople(): Promise<Map<string, Viewer>> {
  const viewers = new Map<string, Viewer>();
  for (const person of demoPeople) {
    const account = await signUp({ name: person.name, handle: person.handle, email: `${person.handle}@demo.plaza`, password: demoPassword });
    // Demo people have confirmed their addresses: they can send money straight away.
    await markEmailVerified(systemViewer, account.id);
    const viewer: Viewer = { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
    await updateProfile(viewer, { name: person.name, bio: person.bio, location: person.location });
    viewers.set(person.handle, viewer);
  }
  return viewers;
}

/** Friendships are made as people make them: a request, then an acceptance. */
async function seedGraph(viewers: Map<string, Viewer>): Promise<void> {
  const as = (handle: string) => viewers.get(handle)!;
  for (const [a, b] of demoFriendships) {
    await sendFriendRequest(as(a), b);
    const { incoming } = await listFriendRequests(as(b));
    const request = incoming.find((item) => item.person.handle === a)!;
    await acceptFriendRequest(as(b), request.id);
  }
  for (const [from, to] of demoPendingRequests) await sendFriendRequest(as(from), to);
  for (const [follower, followee] of demoFollows) await follow(as(follower), followee);
  for (const [blocker, blocked] of demoBlocks) await block(as(blocker), blocked);
}

/** A visit as the realtime server reports one: their app opened, then closed. */
async function seedRecentVisits(viewers: Map<string, Viewer>): Promise<void> {
  const channels = demoRecentlyActive.map((handle) => userChannel(viewers.get(handle)!.id));
  await recordUserChannels(channels, true);
  await recordUserChannels(channels, false);
}

export async function seedDemoData(log: (line: string) => void): Promise<boolean> {
  if ((await countPeople()) > 0) return false;
  const viewers = await seedPeople();
  // The demo person moderates the demo: the same grant `npm run admin -- grant` makes.
  await setAdminRole(systemViewer, demoAdminHandle, true);
  await seedAvatars(demoPeople.map((person) => ({ id: viewers.get(person.handle)!.id, handle: person.handle, name: person.name })));
  await seedGraph(viewers);
  await seedRecentVisits(viewers);
  const wallets = await seedWallets(viewers);
  const feed = await seedFeed(viewers);
  const chats = await seedChats(viewers);
  log(`Demo data: ${demoPeople.length} people, ${demoFriendships.length} friendships, ${demoPendingRequests.length} pending requests, ${demoFollows.length} follows, ${demoBlocks.length} block; ${wallets}; ${feed}; ${chats}.`);
  return true;
}

// Run directly: `tsx --conditions=react-server scripts/seed/index.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemoData(console.log);
  if (!seeded) console.log('The database already has people; demo data was not added.');
  process.exit(0);
}
