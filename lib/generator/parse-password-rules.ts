/**
 * Parser for the `passwordrules` language (WHATWG proposal; Apple password-manager-resources
 * PasswordRulesParser.js, https://developer.apple.com/password-rules/), lenient per directive.
 */

/** The named character classes of the language. */
export type NamedCharacterClass = 'upper' | 'lower' | 'digit' | 'special' | 'ascii-printable' | 'unicode';

/** One class in a `required` or `allowed` value: a named class or a custom `[...]` set. */
export type RuleCharacterClass =
  | { readonly kind: 'named'; readonly name: NamedCharacterClass }
  | { readonly kind: 'custom'; readonly characters: string };

/** The directives of a `passwordrules` string, combined as Apple's parser combines them. */
export interface PasswordRules {
  /** Largest `minlength` seen, in characters; null when none. */
  minLength: number | null;
  /** Smallest `maxlength` seen, in characters; null when none. */
  maxLength: number | null;
  /** Smallest `max-consecutive` seen: most identical characters allowed in a row; null when none. */
  maxConsecutive: number | null;
  /** One entry per `required` directive: the password needs a character from the union of its classes. */
  required: RuleCharacterClass[][];
  /** The classes of every `allowed` directive together; empty when there was none. */
  allowed: RuleCharacterClass[];
  /** A message for every directive, or part of one, that was ignored; empty for a clean string. */
  ignored: string[];
}

const NAMED_CLASSES: readonly NamedCharacterClass[] = ['upper', 'lower', 'digit', 'special', 'ascii-printable', 'unicode'];
const PROPERTY_NAMES = ['minlength', 'maxlength', 'max-consecutive', 'required', 'allowed'] as const;
type PropertyName = (typeof PROPERTY_NAMES)[number];

/** A syntax error inside one directive; caught by the directive loop, never thrown to the caller. */
class DirectiveError extends Error {}

/**
 * Parses a `passwordrules` string such as `minlength: 8; maxlength: 16; required: lower, upper; allowed: [-_.]`.
 *
 * Syntax follows Apple's reference parser: directives `name: value` separated by `;`; values of
 * `required`/`allowed` are comma-separated named classes (case-insensitive) or custom sets `[...]` of
 * printable ASCII, where `-` is literal only first and `]` only last (`[-_]]`); integers are decimal.
 * Several `minlength` keep the largest, several `maxlength` and `max-consecutive` the smallest.
 *
 * Malformed input never throws: a directive that cannot be parsed (unknown name, bad value, missing `:`,
 * unterminated `[`) is skipped up to the next `;` outside brackets, the others are kept, and a message is
 * added to `ignored`. Apple's parser instead drops every directive after an unknown name. Non-ASCII
 * characters and a `-` that is not first inside `[...]` are dropped with a message, as Apple drops them.
 *
 * @param text - the attribute value or quirks entry; any length (parsing is linear)
 * @returns the combined directives and the list of ignored parts
 * @throws TypeError only when `text` is not a string
 * @example
 * parsePasswordRules('minlength: 8; required: digit; allowed: lower, [-_]');
 * // { minLength: 8, maxLength: null, maxConsecutive: null,
 * //   required: [[{ kind: 'named', name: 'digit' }]],
 * //   allowed: [{ kind: 'named', name: 'lower' }, { kind: 'custom', characters: '-_' }], ignored: [] }
 */
export function parsePasswordRules(text: string): PasswordRules {
  if (typeof text !== 'string') throw new TypeError('parsePasswordRules: text must be a string');
  const rules: PasswordRules = {
    minLength: null,
    maxLength: null,
    maxConsecutive: null,
    required: [],
    allowed: [],
    ignored: [],
  };
  const parser = new RulesParser(text, rules.ignored);
  parser.skipWhitespace();
  while (!parser.atEnd()) {
    if (parser.peek() === ';') {
      parser.advance();
      parser.skipWhitespace();
      continue;
    }
    const start = parser.position;
    try {
      applyDirective(rules, parser.parseDirective());
    } catch (error) {
      if (!(error instanceof DirectiveError)) throw error;
      rules.ignored.push(`ignored directive at ${start}: ${error.message}`);
      parser.skipToSeparator();
    }
    parser.skipWhitespace();
  }
  return rules;
}

type Directive =
  | { name: 'minlength' | 'maxlength' | 'max-consecutive'; value: number }
  | { name: 'required' | 'allowed'; value: RuleCharacterClass[] };

function applyDirective(rules: PasswordRules, directive: Directive): void {
  switch (directive.name) {
    case 'minlength':
      rules.minLength = Math.max(rules.minLength ?? 0, directive.value);
      break;
    case 'maxlength':
      rules.maxLength = Math.min(rules.maxLength ?? Infinity, directive.value);
      break;
    case 'max-consecutive':
      rules.maxConsecutive = Math.min(rules.maxConsecutive ?? Infinity, directive.value);
      break;
    case 'required':
      rules.required.push(directive.value);
      break;
    case 'allowed':
      rules.allowed.push(...directive.value);
      break;
  }
}

/** A cursor over the input; `parse*` methods throw {@link DirectiveError} on bad syntax. */
class RulesParser {
  position = 0;

  constructor(
    private readonly text: string,
    private readonly notes: string[],
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.position);
  }

  advance(): void {
    this.position++;
  }

  skipWhitespace(): void {
    while (!this.atEnd() && isWhitespace(this.peek())) this.position++;
  }

  /** Moves to the next `;` that is not inside a custom class, or to the end. */
  skipToSeparator(): void {
    while (!this.atEnd() && this.peek() !== ';') {
      if (this.peek() === '[') {
        try {
          this.parseCustomClass(false);
        } catch {
          this.position = this.text.length;
        }
      } else {
        this.position++;
      }
    }
  }

  /** `name ':' value`, ending before `;` or at the end. */
  parseDirective(): Directive {
    const name = this.parseIdentifier().toLowerCase();
    if (!isPropertyName(name)) throw new DirectiveError(`unknown property "${name}"`);
    this.skipWhitespace();
    if (this.peek() !== ':') throw new DirectiveError(`expected ":" after "${name}"`);
    this.advance();
    this.skipWhitespace();
    if (this.atEnd() || this.peek() === ';') throw new DirectiveError(`empty value for "${name}"`);
    let directive: Directive;
    if (name === 'required' || name === 'allowed') {
      const value = this.parseClassList();
      if (value.length === 0) throw new DirectiveError(`no characters left in "${name}"`);
      directive = { name, value };
    } else {
      const value = this.parseInteger(name);
      if (value < (name === 'minlength' ? 0 : 1)) throw new DirectiveError(`"${name}" must be at least 1`);
      directive = { name, value };
    }
    this.skipWhitespace();
    if (!this.atEnd() && this.peek() !== ';') throw new DirectiveError(`unexpected "${this.peek()}" in "${name}"`);
    return directive;
  }

  private parseIdentifier(): string {
    const start = this.position;
    while (!this.atEnd() && isIdentifierCharacter(this.peek())) this.position++;
    if (this.position === start) throw new DirectiveError(`expected a property name, found "${this.peek()}"`);
    return this.text.slice(start, this.position);
  }

  private parseInteger(name: string): number {
    const start = this.position;
    while (!this.atEnd() && this.peek() >= '0' && this.peek() <= '9') this.position++;
    const digits = this.text.slice(start, this.position);
    if (digits.length === 0) throw new DirectiveError(`"${name}" needs a number, found "${this.peek()}"`);
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) throw new DirectiveError(`"${name}" is out of range`);
    return value;
  }

  /** `class (',' class)*`; empty custom classes are dropped with a note. */
  private parseClassList(): RuleCharacterClass[] {
    const classes: RuleCharacterClass[] = [];
    for (;;) {
      if (this.peek() === '[') {
        const characters = this.parseCustomClass(true);
        if (characters.length > 0) classes.push({ kind: 'custom', characters });
        else this.notes.push(`ignored empty character class ending at ${this.position}`);
      } else if (isIdentifierCharacter(this.peek())) {
        const name = this.parseIdentifier().toLowerCase();
        if (!isNamedClass(name)) throw new DirectiveError(`unknown character class "${name}"`);
        classes.push({ kind: 'named', name });
      } else {
        throw new DirectiveError(`expected a character class, found "${this.peek()}"`);
      }
      this.skipWhitespace();
      if (this.peek() !== ',') return classes;
      this.advance();
      this.skipWhitespace();
    }
  }

  /**
   * A custom class, as Apple's `_parseCustomCharacterClass`: printable ASCII only, `-` literal only as the
   * first character, `]` literal only as the last one (`[abc]]`), anything else inside taken literally.
   * @returns the distinct characters, in order of first appearance
   */
  private parseCustomClass(record: boolean): string {
    const open = this.position;
    this.advance();
    const first = this.position;
    const chars: string[] = [];
    const dropped = new Set<string>();
    let closed = false;
    while (!this.atEnd()) {
      const c = this.peek();
      this.advance();
      if (!isAsciiPrintable(c)) {
        dropped.add('non-ASCII or control characters');
        continue;
      }
      if (c === '-' && this.position - 1 > first) {
        dropped.add('"-" not in first place');
        continue;
      }
      if (c === ']') {
        closed = true;
        break;
      }
      chars.push(c);
    }
    if (!closed) throw new DirectiveError(`unterminated character class at ${open}`);
    if (record) for (const what of dropped) this.notes.push(`ignored ${what} in the class at ${open}`);
    // "]]": the first "]" was a literal member, the second one closes.
    if (this.peek() === ']') {
      chars.push(']');
      this.advance();
    }
    return [...new Set(chars)].join('');
  }
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\f' || c === '\n' || c === '\r' || c === '\t';
}

function isIdentifierCharacter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '-';
}

function isAsciiPrintable(c: string): boolean {
  return c >= ' ' && c <= '~';
}

function isPropertyName(name: string): name is PropertyName {
  return (PROPERTY_NAMES as readonly string[]).includes(name);
}

function isNamedClass(name: string): name is NamedCharacterClass {
  return (NAMED_CLASSES as readonly string[]).includes(name);
}
