/** Thrown when a new share or update may not be sealed to a contact (T01): its key changed, or it is unverified and the user did not confirm. */
export class ShareBlockedError extends Error {
  override name = 'ShareBlockedError';
  constructor(readonly reason: 'contact-changed' | 'unverified') {
    super(reason === 'contact-changed' ? "this contact's key changed: verify it again before sharing" : 'this contact is not verified: confirm before sharing');
  }
}
