import { z } from 'zod';
import { handleSchema } from './schemas';

export const personRefSchema = z.object({ handle: handleSchema });
export const requestRefSchema = z.object({ requestId: z.string().min(1).max(40) });
export const searchSchema = z.object({ query: z.string().trim().min(1, 'search.empty').max(60, 'search.tooLong') });
export const friendsPageSchema = z.object({
  handle: handleSchema,
  query: z.string().trim().max(60).optional(),
  after: z.object({ name: z.string().max(60), id: z.string().max(40) }).optional(),
});
export const privacySchema = z.object({
  friendsVisibility: z.enum(['EVERYONE', 'FRIENDS', 'ONLY_ME']),
  friendRequestsFrom: z.enum(['EVERYONE', 'FRIENDS_OF_FRIENDS', 'NOBODY']),
});
export type PrivacyInput = z.output<typeof privacySchema>;

/** A person as lists show them. */
export type PersonSummary = { id: string; handle: string; name: string; avatarId: string | null };

export type Relation = {
  self: boolean;
  friend: boolean;
  outgoingRequestId: string | null;
  incomingRequestId: string | null;
  following: boolean;
  followsYou: boolean;
  blockedByMe: boolean;
  /** Whether a request would be accepted by the addressee's setting right now. */
  canRequest: boolean;
};

export type ProfileView = PersonSummary & {
  bio: string;
  location: string;
  coverId: string | null;
  counts: { friends: number | null; followers: number; following: number };
  friendsVisible: boolean;
  relation: Relation;
};
