/** The health part of a login's overview row (lib/vault/model/overview-row): everything but the score, which is slow. */
import type { ItemContent } from '../model/item-schema';
import type { LoginHealth } from '../model/overview-row';
import { passwordSetAt } from '../model/password-set-at';
import { passwordSha1 } from './password-sha1';

/**
 * Derives a login's health from its content: one SHA-1 of the password (about 1 µs), its age and rotation
 * settings. The score starts as null; commitChanges carries an unchanged password's score over, and the
 * background scores the rest (lib/health/background).
 * @returns null for a note or a login without a password
 */
export function loginHealth(content: ItemContent): LoginHealth | null {
  if (content.type !== 'login' || content.password === '') return null;
  return {
    score: null,
    sha1: passwordSha1(content.password),
    passwordSetAt: passwordSetAt(content),
    rotationDays: content.rotationDays ?? 0,
    snoozedUntil: content.rotationSnoozedUntil ?? 0,
  };
}
