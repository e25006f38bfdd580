/** Annotator agreement on login identifiers (scripts/eval-set/agreement-rules.ts), on small authored label sets. */
import { describe, expect, it } from 'vitest';
import {
  adjudicationSchema,
  agreementLabelSets,
  applyAdjudication,
  consensusLabels,
  countAgreement,
  samplePages,
  secondAnnotationSchema,
  type SecondAnnotation,
} from '../../../scripts/eval-set/agreement-rules';
import type { LabelsFile } from '../../../scripts/eval-set/relabel-rules';

const labels = (): LabelsFile => ({
  schemaVersion: 1,
  fixtures: {
    'ddg/a_login.html': {
      kind: 'login',
      labelScope: ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'],
      expected: { username: ['input[id="u"]'], currentPassword: ['input[id="p"]'] },
      fields: [{ role: 'username', selector: 'input[id="u"]' }, { role: 'other', selector: 'input[id="n"]' }],
    },
    'mozilla-login/negative__fp1.html': { kind: 'no-login-form', labelScope: ['username', 'currentPassword'], expected: {}, fields: [] },
    'mozilla-new-password/training__EN_1.html': { kind: 'signup', labelScope: ['newPassword', 'confirmPassword'], expected: { newPassword: ['#p'] } },
  },
});

const annotation = (pages: SecondAnnotation['pages']): SecondAnnotation => ({ annotator: 'independent-2', rule: 'r', sampleSalt: 's', pages });

describe('samplePages', () => {
  it('draws only pages whose scope has username, in a fixed hash order', () => {
    const drawn = samplePages(labels(), 'salt', 5);
    expect([...drawn].sort()).toEqual(['ddg/a_login.html', 'mozilla-login/negative__fp1.html']);
    expect(samplePages(labels(), 'salt', 5)).toEqual(drawn);
    expect(samplePages(labels(), 'salt', 1)).toEqual(drawn.slice(0, 1));
  });
});

describe('agreementLabelSets', () => {
  it("swaps in the second annotator's identifiers, keeps the first annotator's labelled fields and other roles", () => {
    const { first, second } = agreementLabelSets(
      labels(),
      annotation({ 'ddg/a_login.html': { username: ['input[id="e"]'] }, 'mozilla-login/negative__fp1.html': { username: [] } }),
    );
    expect(Object.keys(first.fixtures)).toEqual(['ddg/a_login.html', 'mozilla-login/negative__fp1.html']);
    expect(first.fixtures['ddg/a_login.html']).toEqual(labels().fixtures['ddg/a_login.html']);
    const page = second.fixtures['ddg/a_login.html']!;
    expect(page.expected).toEqual({ currentPassword: ['input[id="p"]'], username: ['input[id="e"]'] });
    expect(page['fields']).toEqual([
      { role: 'username', selector: 'input[id="u"]' },
      { role: 'other', selector: 'input[id="n"]' },
      { role: 'username', selector: 'input[id="e"]', sourceLabel: 'independent-2' },
    ]);
    expect(second.fixtures['mozilla-login/negative__fp1.html']!.kind).toBe('no-login-form');
  });

  it('makes a negative page a login when the second annotator found an identifier there, and drops an empty username', () => {
    const { second } = agreementLabelSets(
      labels(),
      annotation({ 'mozilla-login/negative__fp1.html': { username: ['#k'] }, 'ddg/a_login.html': { username: [] } }),
    );
    expect(second.fixtures['mozilla-login/negative__fp1.html']!.kind).toBe('login');
    expect(second.fixtures['ddg/a_login.html']!.expected).toEqual({ currentPassword: ['input[id="p"]'] });
  });

  it('refuses a page the part does not have', () => {
    expect(() => agreementLabelSets(labels(), annotation({ 'ddg/missing.html': { username: [] } }))).toThrow(/ddg\/missing\.html/);
  });

  it('rejects an annotation file without selectors', () => {
    expect(secondAnnotationSchema.safeParse({ annotator: 'x', rule: 'r', sampleSalt: 's', pages: { p: {} } }).success).toBe(false);
  });
});

describe('countAgreement', () => {
  it('counts shared and one-sided elements and the F1 of one annotator against the other', () => {
    const result = countAgreement([
      { page: 'a', first: new Set([1, 2]), second: new Set([1, 2]) },
      { page: 'b', first: new Set([3]), second: new Set([4, 5]) },
      { page: 'c', first: new Set(), second: new Set() },
    ]);
    expect(result).toEqual({ pages: 3, both: 2, firstOnly: 1, secondOnly: 2, pagesDiffering: ['b'], f1: 4 / 7 });
    expect(countAgreement([{ page: 'c', first: new Set(), second: new Set() }]).f1).toBe(1);
  });
});

describe('applyAdjudication', () => {
  const second = annotation({ 'ddg/a_login.html': { username: ['input[id="e"]'], by: 'independent-2A' }, 'ddg/b.html': { username: ['#x'] } });
  const decisions = (pages: Record<string, string[]>) =>
    adjudicationSchema.parse({ adjudicator: 'independent-3', rule: 'r', pages: Object.fromEntries(Object.entries(pages).map(([p, username]) => [p, { username, why: 'w' }])) });

  it("takes the adjudicator's identifiers on the differing pages and the second annotation's elsewhere", () => {
    const decided = applyAdjudication(second, decisions({ 'ddg/a_login.html': [] }), ['ddg/a_login.html']);
    expect(decided.pages).toEqual({ 'ddg/a_login.html': { username: [], by: 'independent-3' }, 'ddg/b.html': { username: ['#x'] } });
    expect(decided.annotator).toBe('independent-2, adjudicated by independent-3');
    expect(second.pages['ddg/a_login.html']!.username).toEqual(['input[id="e"]']);
  });

  it('refuses an adjudication that misses a differing page or decides an agreed one', () => {
    expect(() => applyAdjudication(second, decisions({}), ['ddg/a_login.html'])).toThrow(/missing: ddg\/a_login\.html/);
    expect(() => applyAdjudication(second, decisions({ 'ddg/b.html': [] }), [])).toThrow(/not differing: ddg\/b\.html/);
  });

  it('rejects a decision without its reason', () => {
    expect(adjudicationSchema.safeParse({ adjudicator: 'x', rule: 'r', pages: { p: { username: [] } } }).success).toBe(false);
  });
});

describe('consensusLabels', () => {
  it('drops the differing pages and keeps the rest unchanged', () => {
    const kept = consensusLabels(labels(), ['ddg/a_login.html']);
    expect(Object.keys(kept.fixtures)).toEqual(['mozilla-login/negative__fp1.html', 'mozilla-new-password/training__EN_1.html']);
    expect(kept.fixtures['mozilla-login/negative__fp1.html']).toEqual(labels().fixtures['mozilla-login/negative__fp1.html']);
    expect(consensusLabels(labels(), []).fixtures).toEqual(labels().fixtures);
  });
});
