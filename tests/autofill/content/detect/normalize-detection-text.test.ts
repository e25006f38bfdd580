/** normalizeDetectionText: case, camelCase, punctuation, length. */
import { describe, expect, it } from 'vitest';
import { normalizeDetectionText } from '../../../../lib/autofill/content/detect/normalize-detection-text';

describe('normalizeDetectionText', () => {
  it('splits camelCase and punctuation into single spaces, lower case', () => {
    expect(normalizeDetectionText('user[newPassword2]')).toBe('user new password2');
    expect(normalizeDetectionText('  E-Mail:  Adresse ')).toBe('e mail adresse');
    expect(normalizeDetectionText('ctl00$Login$UserName')).toBe('ctl00$login$user name');
  });

  it('keeps letters of every script', () => {
    expect(normalizeDetectionText('Пароль / 密码 / パスワード')).toBe('пароль 密码 パスワード');
  });

  it('reads null and undefined as empty, and at most maxLength characters', () => {
    expect(normalizeDetectionText(null)).toBe('');
    expect(normalizeDetectionText(undefined)).toBe('');
    expect(normalizeDetectionText('x'.repeat(500))).toHaveLength(200);
    expect(normalizeDetectionText('abcdef', 3)).toBe('abc');
  });
});
