/**
 * Apple's shared-credential groups (lib/quirks/shared-credentials.json, MIT), parsed once per background
 * life: the sites whose logins count as one for filling, and so also for the save flow's look-up of
 * received logins. Background only: the quirks data never reaches the content script.
 */
import sharedCredentials from '../../quirks/shared-credentials.json';
import { parseCredentialGroups, type CredentialGroups } from './parse-credential-groups';

let groupsCache: CredentialGroups | null = null;

/**
 * @returns registrable domain → the other sites of its group; parsed on first use (about 1 ms), then kept
 * @example sharedCredentialGroups().get('icloud.com'); // Set { 'apple.com', … }
 */
export function sharedCredentialGroups(): CredentialGroups {
  groupsCache ??= parseCredentialGroups(sharedCredentials);
  return groupsCache;
}
