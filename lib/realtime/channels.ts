/**
 * Channel names, shared by server and browser (DESIGN.md rule 4): `private-<scope>-<id>` and
 * `presence-<scope>-<id>`. The scope names the domain whose policy decides who may join.
 */
export type ChannelAccess = 'private' | 'presence';

export interface ChannelAddress {
  access: ChannelAccess;
  scope: string;
  id: string;
}

const pattern = /^(private|presence)-([a-z]+)-([A-Za-z0-9_]{1,64})$/;

export function channelName(access: ChannelAccess, scope: string, id: string): string {
  return `${access}-${scope}-${id}`;
}

/** Every signed-in browser keeps its own user channel open: its inbox and its online signal. */
export function userChannel(personId: string): string {
  return channelName('private', 'user', personId);
}

export function parseChannel(name: string): ChannelAddress | null {
  const match = pattern.exec(name);
  if (!match) return null;
  return { access: match[1] as ChannelAccess, scope: match[2]!, id: match[3]! };
}
