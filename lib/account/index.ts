import 'server-only';

/** The account domain's public API for other domains. */
export { signUp, verifyPasswordSignIn, getOwnAccount, updateProfile, countPeople } from './service';
export type { ProfileDto, OwnAccountDto } from './schemas';
export { checkResetLink, verifyEmail, getAccountSettings } from './recovery';
export type { AccountSettingsDto, TokenState } from './recovery-schemas';
