/**
 * SHA-1 of a password as breach lists publish it (Have I Been Pwned's "Pwned Passwords": upper-case hex of
 * SHA-1 over the UTF-8 bytes). Used only to look a password up in a list the user loaded; SHA-1 protects
 * nothing here and never leaves the background.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * @param password - as saved, not normalised (the lists hash exactly what was typed)
 * @returns 40 upper-case hex characters
 * @example passwordSha1('password'); // '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8'
 */
export function passwordSha1(password: string): string {
  return bytesToHex(sha1(utf8ToBytes(password))).toUpperCase();
}
