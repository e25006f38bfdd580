/** errorText: every protocol error code has plain words; unknown codes fall back; nothing technical leaks. */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../components/kit/error-text';
import { errorCodeSchema } from '../../../lib/vault/model/vault-error';

describe('errorText', () => {
  it('has a sentence for every error code in the protocol', () => {
    const texts = errorCodeSchema.options.map((code) => errorText({ code }));
    for (const text of texts) {
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/error|exception|stack|undefined|\bat\s+\S+\(/i);
    }
    // Distinct codes say distinct things.
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('says exactly "Wrong master password." for a wrong password', () => {
    expect(errorText({ code: 'wrong-password' })).toBe('Wrong master password.');
  });

  it('names the locked state', () => {
    expect(errorText({ code: 'locked' })).toMatch(/locked/i);
  });

  it('falls back to the internal-error sentence for unknown or missing codes', () => {
    const internal = errorText({ code: 'internal' });
    expect(errorText({ code: 'no-such-code' })).toBe(internal);
    expect(errorText({ code: 'toString' })).toBe(internal);
    expect(errorText(null)).toBe(internal);
    expect(errorText(undefined)).toBe(internal);
  });

  it('never repeats the message it was given', () => {
    const error = { code: 'invalid-request', message: 'title hunter2 is too long' };
    expect(errorText(error)).not.toContain('hunter2');
  });
});
