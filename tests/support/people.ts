import * as graph from '@/lib/account/graph';
import { markEmailVerified } from '@/lib/account/recovery';
import { signUp } from '@/lib/account/service';
import type { Viewer } from '@/lib/core/session';

let serial = 0;

/**
 * A new person signed up through the account service, with a handle unique to this run and a
 * verified address (the operator's way, as for demo people), so money may leave their wallet.
 */
export async function person(label: string, name = `${label} person`): Promise<Viewer> {
  serial += 1;
  const handle = `${label}${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name, handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  await markEmailVerified({ kind: 'system' }, account.id);
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
}

/** A friendship made as people make one: a request, then an acceptance. */
export async function befriend(a: Viewer, b: Viewer): Promise<void> {
  await graph.sendFriendRequest(a, b.handle);
  const { incoming } = await graph.listFriendRequests(b);
  await graph.acceptFriendRequest(b, incoming.find((request) => request.person.id === a.id)!.id);
}
