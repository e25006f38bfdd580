/**
 * generateForField: the field's passwordrules attribute first, else the site's quirks entry, else the
 * defaults; rules no password can meet fall through to the next source. Each case draws many passwords and
 * checks them against the rules directly (regular expressions written from the rules text, not from the code).
 */
import { describe, expect, it } from 'vitest';
import { generateForField } from '../../../lib/autofill/background/generate-for-field';
import { SYMBOLS } from '../../../lib/generator/generate-password';

const SAMPLES = 200;

function draw(attribute: string | null, host: string): string[] {
  return Array.from({ length: SAMPLES }, () => generateForField(attribute, host).password);
}

/** The generator's defaults: 20 characters with lower, upper, digit and one of its symbols. */
function isDefault(password: string): boolean {
  const symbol = [...password].some((c) => SYMBOLS.includes(c));
  return password.length === 20 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password) && symbol;
}

describe('generateForField', () => {
  it('honours the attribute: length range, required classes, allowed set', () => {
    const rules = 'minlength: 8; maxlength: 12; required: lower; required: upper; required: digit; required: [-_]; allowed: [!]';
    for (const password of draw(rules, 'example.com')) {
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(password.length).toBeLessThanOrEqual(12);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[-_]/);
      expect(password).toMatch(/^[a-zA-Z0-9\-_!]+$/);
    }
  });

  it('honours max-consecutive and a digits-only PIN rule', () => {
    for (const password of draw('minlength: 6; maxlength: 6; allowed: digit; max-consecutive: 1;', 'example.com')) {
      expect(password).toMatch(/^\d{6}$/);
      expect(password).not.toMatch(/(.)\1/);
    }
  });

  it('without an attribute, uses the quirks entry of the host or its registrable domain (163.com: 6–16 characters)', () => {
    for (const password of draw(null, 'reg.163.com')) {
      expect(password.length).toBeGreaterThanOrEqual(6);
      expect(password.length).toBeLessThanOrEqual(16);
    }
    // aeon.co.jp: exactly 8 characters, a digit required.
    for (const password of draw(null, 'www.aeon.co.jp')) {
      expect(password).toHaveLength(8);
      expect(password).toMatch(/\d/);
    }
  });

  it('the attribute wins over the quirks entry', () => {
    for (const password of draw('minlength: 30; maxlength: 30; allowed: lower;', 'www.163.com')) expect(password).toMatch(/^[a-z]{30}$/);
  });

  it('an empty or blank attribute counts as none', () => {
    for (const password of draw('  ', 'www.aeon.co.jp')) expect(password).toHaveLength(8);
  });

  it('rules no password can meet fall through: to the quirks entry, then to the defaults', () => {
    const impossible = 'minlength: 30; maxlength: 10;';
    for (const password of draw(impossible, 'www.aeon.co.jp')) expect(password).toHaveLength(8);
    expect(draw(impossible, 'example.com').every(isDefault)).toBe(true);
  });

  it('no attribute and no quirks entry → the defaults; garbage rules are parsed leniently, not thrown', () => {
    expect(draw(null, '127.0.0.1').every(isDefault)).toBe(true);
    expect(() => generateForField('required: ;;; [[[', 'example.com')).not.toThrow();
  });

  it('the passwords differ from one another (random, not fixed)', () => {
    expect(new Set(draw(null, 'example.com')).size).toBe(SAMPLES);
  });
});
