import 'server-only';

/** The account domain's public API for other domains. */
export { signUp, verifyPasswordSignIn, getOwnAccount, updateProfile, countPeople } from './service';
export { confirmPassword } from './confirm-password';
export { sendFriendRequest, acceptFriendRequest, follow, block } from './graph';
export { isBlockedBetween, getProfile, listFriends, listFriendRequests, listBlocked, peopleYouMayKnow, searchPeople, getPeopleSummaries, resolveHandles, getPrivacy } from './graph';
export { handleSchema } from './schemas';
export type { ProfileDto, OwnAccountDto } from './schemas';
export type { PersonSummary, ProfileView, Relation } from './graph-schemas';
export { checkResetLink, verifyEmail, getAccountSettings } from './recovery';
export type { AccountSettingsDto, TokenState } from './recovery-schemas';
export { getProfileMedia, setAvatar, setCover, removeAvatar, removeCover } from './profile-media';
export type { ProfileMediaDto, ProfileImageKind } from './profile-media';
export { findAccountForIdentity, checkPendingIdentity, suggestHandle, getSignInMethods } from './identities';
export type { SignInMethodsDto } from './identity-schemas';
export { recordUserChannels, reconcileOnlineStatus, getFriendsStatus } from './presence';
export type { PersonStatus } from './events';
export { mayListenOnUserChannel } from './policy';
export { beginSession, findSessionPerson, listDevices, endDevice, endOtherDevices, endCurrentSession } from './sessions';
export type { DeviceDto } from './sessions';
export { knownDeviceCookie, knownDeviceFromCookieHeader, rememberDevice } from './known-devices';
export { safeNextPath } from './next-path';
export { setAdminRole, listAdmins } from './admin-roles';
export { recordStepUp, lastStepUpAt } from './sessions';
export { hasVerifiedEmail, markEmailVerified, resendEmailVerification } from './recovery';
