/** customField: secrets recognised by whole words of the name and by the value (Luhn-valid card numbers, otpauth links). */
import { describe, expect, it } from 'vitest';
import { customField, isOtpauthLink, isSecretFieldName, looksLikeCardNumber } from '../../../../lib/import/page/formats/custom-field';

describe('isSecretFieldName', () => {
  const secret = [
    'Password', 'passwort', 'PIN', 'PIN(telephonePin)', 'cc_number', 'cardNumber', 'cardnumber', 'number(ccnum)', 'Card Number', 'NUMBER',
    'code', 'cvv', 'CVC', 'CSC', 'Security Code', 'VERIFICATION NUMBER', 'verification number(cvv)', 'iban', 'IBAN Number',
    'account_number', 'Account Number', 'routing_number', 'Routing No', 'ssn', 'Social Security Number', 'License Key', 'Private Key',
    'Passphrase', 'API token', 'Secret question answer', 'recovery codes', 'TOTP', '2FA', 'my password',
  ];
  it.each(secret)('%s is a secret', (name) => expect(isSecretFieldName(name)).toBe(true));

  const plain = [
    'Shipping', 'shipping_address', 'Passport', 'zipcode', 'Postal code', 'SWIFT Code', 'Country code', 'Phone number', 'House number',
    'Public Key', 'Key Type', 'Key Index', 'Fingerprint', 'Pinterest', 'Username', 'Title', 'Expiry date', 'Cardholder name', '',
  ];
  it.each(plain)('%s is not', (name) => expect(isSecretFieldName(name)).toBe(false));
});

describe('looksLikeCardNumber (ISO/IEC 7812 Luhn check)', () => {
  it('accepts 13 to 19 digits that pass the check, grouped by spaces or dashes or not', () => {
    for (const number of ['4111111111111111', '4111 1111 1111 1111', '4000-0566-5566-5556', '4222222222222', '6011000990139424', '3530111333300000']) {
      expect(looksLikeCardNumber(number)).toBe(true);
    }
  });

  it('refuses a wrong check digit, too few or too many digits, and other text', () => {
    for (const text of ['4111111111111112', '424242424242', '42424242424242424242', '4111x1111111111111', '078-05-1120', '', '4111  1111 1111 1111']) {
      expect(looksLikeCardNumber(text)).toBe(false);
    }
  });
});

describe('customField', () => {
  it('hides by name, by a card number value whatever the name, and by an otpauth link; keeps the value exactly', () => {
    expect(customField('cvc', ' 737 ')).toEqual({ name: 'cvc', value: ' 737 ', hidden: true });
    expect(customField('reference', '4012 8888 8888 1881')).toEqual({ name: 'reference', value: '4012 8888 8888 1881', hidden: true });
    expect(customField('backup', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP').hidden).toBe(true);
    expect(customField('shipping', 'Main St 1')).toEqual({ name: 'shipping', value: 'Main St 1', hidden: false });
    expect(customField('Account key', 'A3-X', true).hidden).toBe(true);
  });

  it('isOtpauthLink ignores case and surrounding spaces', () => {
    expect(isOtpauthLink(' OTPAUTH://totp/x?secret=A ')).toBe(true);
    expect(isOtpauthLink('https://example.com/otpauth://')).toBe(false);
  });
});
