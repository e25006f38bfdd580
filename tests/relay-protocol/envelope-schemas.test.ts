/** The envelope wire schemas: the 64 KiB limit counted in UTF-8 bytes, share-id formats, mailbox query parsing. */
import { describe, expect, it } from 'vitest';
import { ENVELOPE_TOO_LARGE, envelopeTextSchema, mailboxQuerySchema, shareIdSchema } from '../../lib/relay-protocol/envelope-schemas';
import { MAX_ENVELOPE_BYTES } from '../../lib/relay-protocol/relay-limits';
import { newShareId } from '../../lib/sharing/envelope/new-share-id';

describe('envelopeTextSchema', () => {
  it.each([
    ['ASCII', 'a', 1],
    ['two-byte', 'é', 2],
    ['three-byte', '€', 3],
    ['four-byte (a surrogate pair)', '😀', 4],
  ])('takes exactly 64 KiB of %s text and refuses one character more', (_, char, bytes) => {
    const count = Math.floor(MAX_ENVELOPE_BYTES / bytes);
    const fits = char.repeat(count) + 'a'.repeat(MAX_ENVELOPE_BYTES - count * bytes);
    expect(envelopeTextSchema.safeParse(fits).success).toBe(true);
    const over = envelopeTextSchema.safeParse(`${fits}${char}`);
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: ENVELOPE_TOO_LARGE } });
  });

  it('refuses an empty envelope', () => {
    expect(envelopeTextSchema.safeParse('').success).toBe(false);
  });
});

describe('shareIdSchema', () => {
  it("takes lib/sharing's ids, base64url and UUIDs", () => {
    for (const id of [newShareId(), 'AAECAwQFBgcICQoLDA0ODw', '0f8fad5b-d9cb-469f-a165-70867728950e']) expect(shareIdSchema.parse(id)).toBe(id);
  });

  it('refuses short, long and out-of-alphabet ids', () => {
    for (const id of ['abc', 'a'.repeat(65), 'ab cd ef gh ij kl mn', '../../../../etc/passwd', 'abcdefghijklmnop\n']) {
      expect(shareIdSchema.safeParse(id).success).toBe(false);
    }
  });
});

describe('mailboxQuerySchema', () => {
  it('reads after and limit as numbers and refuses anything else', () => {
    expect(mailboxQuerySchema.parse({ after: '12', limit: '50' })).toEqual({ after: 12, limit: 50 });
    expect(mailboxQuerySchema.parse({})).toEqual({});
    for (const query of [{ after: '-1' }, { after: '1e3' }, { limit: '0' }, { limit: '201' }, { after: '01' }, { other: '1' }]) {
      expect(mailboxQuerySchema.safeParse(query).success).toBe(false);
    }
  });
});
