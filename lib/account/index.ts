import 'server-only';

/** The account domain's public API for other domains. */
export { signUp, verifyPasswordSignIn, getOwnAccount, updateProfile, countPeople } from './service';
export { findAccountForIdentity, checkPendingIdentity, suggestHandle, getSignInMethods } from './identities';
export type { ProfileDto, OwnAccountDto } from './schemas';
export type { SignInMethodsDto } from './identity-schemas';
