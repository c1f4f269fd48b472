'use server';
import { action } from '@/lib/core/action';
import { env } from '@/lib/core/env';
import { personRefSchema, privacySchema, requestRefSchema } from './graph-schemas';
import * as graph from './graph';

// Friend requests and follows notify someone: limit how fast one person can send them.
const socialRateLimit = () => ({ name: 'social', limit: env().RATE_LIMIT_SOCIAL_PER_HOUR, windowSeconds: 60 * 60 });

export const sendFriendRequestAction = action(personRefSchema, (input, { viewer }) => graph.sendFriendRequest(viewer, input.handle), {
  rateLimit: socialRateLimit,
});
export const acceptFriendRequestAction = action(requestRefSchema, (input, { viewer }) => graph.acceptFriendRequest(viewer, input.requestId));
export const declineFriendRequestAction = action(requestRefSchema, (input, { viewer }) => graph.declineFriendRequest(viewer, input.requestId));
export const cancelFriendRequestAction = action(requestRefSchema, (input, { viewer }) => graph.cancelFriendRequest(viewer, input.requestId));
export const unfriendAction = action(personRefSchema, (input, { viewer }) => graph.unfriend(viewer, input.handle));
export const followAction = action(personRefSchema, (input, { viewer }) => graph.follow(viewer, input.handle), { rateLimit: socialRateLimit });
export const unfollowAction = action(personRefSchema, (input, { viewer }) => graph.unfollow(viewer, input.handle));
export const blockAction = action(personRefSchema, (input, { viewer }) => graph.block(viewer, input.handle));
export const unblockAction = action(personRefSchema, (input, { viewer }) => graph.unblock(viewer, input.handle));
export const updatePrivacyAction = action(privacySchema, (input, { viewer }) => graph.updatePrivacy(viewer, input));
