/** The pure parts of the Bitwarden evaluation part (scripts/eval-set/bitwarden-set.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildLabelsJson,
  countLabels,
  handLabelsSchema,
  inlineStylesheets,
  labelProblems,
  pageName,
  type ResolvedField,
  resolvedProblems,
  toFixture,
} from '../../../scripts/eval-set/bitwarden-set';
import { corpusLabelsSchema } from '../../../tests/corpus/corpus-labels';

const meta = { title: 'simple login form | Test the Web', url: 'https://localhost/forms/login/simple/', upstreamPath: 'client/docs/forms/login/simple-login.md' };
const field = (selector: string, over: Partial<ResolvedField> = {}): ResolvedField => ({
  selector,
  count: 1,
  tag: 'input',
  visible: true,
  id: null,
  name: null,
  type: 'text',
  autocomplete: null,
  ...over,
});

describe('pageName', () => {
  it('names form pages <category>__<slug>.html and src/pages pages pages__<slug>.html', () => {
    expect(pageName('forms/login/simple/index.html')).toBe('login__simple.html');
    expect(pageName('forms/multi-step/change-password/index.html')).toBe('multi-step__change-password.html');
    expect(pageName('login-page-bare/index.html')).toBe('pages__login-page-bare.html');
  });
  it('rejects other paths', () => {
    expect(pageName('forms/login/index.html')).toBeNull();
    expect(pageName('category/login/index.html')).toBeNull();
    expect(pageName('forms/a/b/c/index.html')).toBeNull();
  });
});

describe('inlineStylesheets', () => {
  it('replaces local stylesheet links by their CSS and keeps other links', () => {
    const html = '<head><link rel="icon" href="/f.ico"><link rel="stylesheet" href="/assets/css/s.css"></head>';
    const { html: out, inlined } = inlineStylesheets(html, (p) => (p === '/assets/css/s.css' ? 'a{color:red}' : null));
    expect(out).toBe('<head><link rel="icon" href="/f.ico"><style data-inlined-from="/assets/css/s.css">a{color:red}</style></head>');
    expect(inlined).toEqual(['/assets/css/s.css']);
  });
  it('fails when a linked stylesheet is missing', () => {
    expect(() => inlineStylesheets('<link rel="stylesheet" href="/x.css">', () => null)).toThrow(/missing/);
  });
});

describe('hand labels', () => {
  it('accept the committed label file, one kind per page, and expect nothing on negative kinds', () => {
    const labels = handLabelsSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../scripts/eval-set/bitwarden-labels.json'), 'utf8')));
    for (const [file, label] of Object.entries(labels)) expect(labelProblems(file, label)).toEqual([]);
  });
  it('flag a negative kind with fields, a login without fields and a repeated selector', () => {
    expect(labelProblems('a__b.html', { kind: 'non-login:search', expected: { username: ['#q'] }, reason: 'r' })).toHaveLength(1);
    expect(labelProblems('a__b.html', { kind: 'login', expected: {}, reason: 'r' })).toHaveLength(1);
    expect(labelProblems('a__b.html', { kind: 'login', expected: { username: ['#u'], currentPassword: ['#u'] }, reason: 'r' })).toHaveLength(1);
  });
  it('reject unknown roles and badly formed page names', () => {
    expect(handLabelsSchema.safeParse({ 'a__b.html': { kind: 'login', expected: { password: ['#p'] }, reason: 'r' } }).success).toBe(false);
    expect(handLabelsSchema.safeParse({ 'login.html': { kind: 'login', expected: {}, reason: 'r' } }).success).toBe(false);
  });
});

describe('resolvedProblems', () => {
  it('accepts exactly one visible input and reports anything else', () => {
    expect(resolvedProblems('p', [field('#a')])).toEqual([]);
    expect(resolvedProblems('p', [field('#a', { count: 0 })])[0]).toMatch(/matches 0/);
    expect(resolvedProblems('p', [field('#a', { count: 2 })])[0]).toMatch(/matches 2/);
    expect(resolvedProblems('p', [field('#a', { tag: 'select' })])[0]).toMatch(/not an input/);
    expect(resolvedProblems('p', [field('#a', { visible: false })])[0]).toMatch(/not visible/);
  });
});

describe('labels.json', () => {
  const label = { kind: 'login', expected: { currentPassword: ['#p'], username: ['#u'] }, reason: 'simple login' };
  const resolved = new Map([
    ['#u', field('#u', { id: 'u', name: 'user' })],
    ['#p', field('#p', { id: 'p', type: 'password', autocomplete: 'current-password' })],
  ]);
  it('writes one field per expected selector in role order, with the corpus role names', () => {
    const f = toFixture(label, meta, resolved);
    expect(f.expected).toEqual({ username: ['#u'], currentPassword: ['#p'] });
    expect(f.fields.map((x) => [x.role, x.selector, x.type])).toEqual([
      ['username', '#u', 'text'],
      ['current-password', '#p', 'password'],
    ]);
    expect(f).toMatchObject({ source: 'bitwarden', fragment: false, labelAttribute: 'data-bitwarden-none', notes: 'simple login' });
    expect(f.labelScope).toEqual(['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp']);
  });
  it('is valid for the evaluator and keys pages by folder', () => {
    const neg = { kind: 'non-login:search', expected: {}, reason: 'search' };
    const json = buildLabelsJson('c0ffee', [
      { file: 'search__s.html', label: neg, meta, resolved: new Map() },
      { file: 'login__simple.html', label, meta, resolved },
    ]);
    expect(corpusLabelsSchema.safeParse(json).success).toBe(true);
    expect(Object.keys(json.fixtures)).toEqual(['bitwarden/login__simple.html', 'bitwarden/search__s.html']);
    expect(json.fixtures['bitwarden/search__s.html']!.expected).toEqual({});
    expect(json.generatedFrom).toEqual({ 'bitwarden/test-the-web': 'c0ffee' });
  });
  it('counts pages per kind and fields per role', () => {
    const { kinds, roles } = countLabels({ 'a__b.html': label, 'a__c.html': label, 'a__d.html': { kind: 'otp', expected: { otp: ['#o'] }, reason: 'r' } });
    expect(kinds).toEqual([
      ['login', 2],
      ['otp', 1],
    ]);
    expect(roles).toEqual([
      ['username', 2],
      ['currentPassword', 2],
      ['newPassword', 0],
      ['confirmPassword', 0],
      ['otp', 1],
    ]);
  });
});
