/** Text normalisation for the detection keywords (`detection-keywords.ts`). */

/**
 * Lower-cases `text` and splits camelCase and punctuation into single spaces, so that `user[newPassword2]`,
 * `new_password_2` and "New password 2" all read "… new password 2". Letters of every script are kept.
 *
 * @param text - any attribute value or text content; `null` and `undefined` read as empty
 * @param maxLength - characters of `text` read, 200 by default: longer text is prose, not a label
 * @returns the normalised text, trimmed
 * @example normalizeDetectionText('user[newPassword]'); // "user new password"
 */
export function normalizeDetectionText(text: string | null | undefined, maxLength = 200): string {
  return (text ?? '')
    .slice(0, maxLength)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_\-.,:;!?'"’()[\]{}/\\|*#@+=<>]+/g, ' ')
    .trim();
}
