/**
 * My half of every safety number: the 30 digits lib/sharing/safety-number derives from my own identity.
 * Every safety number I share with a contact contains it (the two halves are sorted), so it can be shown
 * in Settings before any contact exists and read out to a colleague comparing theirs.
 */
import type { PublicIdentity } from './identity';
import { safetyNumber } from './safety-number';

/**
 * safetyNumber(me, me) is my half twice; its first six groups are my half.
 * @returns 30 digits as 6 groups of 5 separated by single spaces
 */
export function ownSafetyCode(me: PublicIdentity): string {
  return safetyNumber(me, me).split(' ').slice(0, 6).join(' ');
}
