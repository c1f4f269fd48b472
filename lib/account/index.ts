import 'server-only';

/** The account domain's public API for other domains. */
export { signUp, verifyPasswordSignIn, getOwnAccount, updateProfile, countPeople } from './service';
export type { ProfileDto, OwnAccountDto } from './schemas';
export { getProfileMedia, setAvatar, setCover, removeAvatar, removeCover } from './profile-media';
export type { ProfileMediaDto, ProfileImageKind } from './profile-media';
