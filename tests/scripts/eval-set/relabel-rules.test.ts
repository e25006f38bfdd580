/** Applying hand relabels to a labels.json (scripts/eval-set/relabel-rules.ts), on small authored label sets. */
import { describe, expect, it } from 'vitest';
import {
  applyRelabels,
  README_MARKERS,
  RelabelError,
  renderRelabelSection,
  unusedRelabels,
  withRelabelSection,
  type LabelsFile,
} from '../../../scripts/eval-set/relabel-rules';

const labels = (): LabelsFile => ({
  schemaVersion: 1,
  fixtures: {
    'mozilla-login/negative__fp1.html': { kind: 'no-login-form', labelScope: ['username', 'currentPassword'], expected: {}, title: 'x' },
    'mozilla-login/training__2.html': {
      kind: 'login',
      labelScope: ['username', 'currentPassword'],
      expected: { username: ['input[id="u"]'], currentPassword: ['input[id="p"]'] },
    },
    'mozilla-new-password/training__EN_1n.html': { kind: 'no-new-password', labelScope: ['newPassword', 'confirmPassword'], expected: {} },
  },
});

describe('applyRelabels', () => {
  it('changes the kind, adds selectors under their role and records what changed', () => {
    const input = labels();
    const { labels: out, stats } = applyRelabels(input, {
      'mozilla-login/negative__fp1.html': {
        kind: 'login',
        add: [
          { role: 'username', selector: 'input[name="email"]' },
          { role: 'currentPassword', selector: 'input[name="pass"]' },
        ],
        reason: 'visible header login',
      },
    });
    const fx = out.fixtures['mozilla-login/negative__fp1.html']!;
    expect(fx.kind).toBe('login');
    expect(fx.expected).toEqual({ username: ['input[name="email"]'], currentPassword: ['input[name="pass"]'] });
    expect(fx.title).toBe('x');
    expect(fx.relabelled).toEqual({
      reason: 'visible header login',
      previousKind: 'no-login-form',
      added: [
        { role: 'username', selector: 'input[name="email"]' },
        { role: 'currentPassword', selector: 'input[name="pass"]' },
      ],
      removed: [],
    });
    expect(stats).toEqual({
      pagesChanged: 1,
      added: { username: 1, currentPassword: 1 },
      removed: {},
      kindsChanged: [{ page: 'mozilla-login/negative__fp1.html', from: 'no-login-form', to: 'login' }],
    });
    // The input is left as it was.
    expect(input.fixtures['mozilla-login/negative__fp1.html']!.kind).toBe('no-login-form');
    expect(input.fixtures['mozilla-login/negative__fp1.html']!.expected).toEqual({});
  });

  it('appends to an existing role and removes a plainly wrong label, dropping an emptied key', () => {
    const { labels: out, stats } = applyRelabels(labels(), {
      'mozilla-login/training__2.html': {
        add: [{ role: 'currentPassword', selector: 'input[id="p2"]' }],
        remove: ['input[id="u"]'],
        reason: 'second login form; username label on a hidden input',
      },
    });
    const fx = out.fixtures['mozilla-login/training__2.html']!;
    expect(fx.expected).toEqual({ currentPassword: ['input[id="p"]', 'input[id="p2"]'] });
    expect(stats.removed).toEqual({ username: 1 });
    expect(stats.kindsChanged).toEqual([]);
  });

  it('ignores pages of the other part', () => {
    const { stats } = applyRelabels(labels(), { 'ddg/other.html': { add: [{ role: 'otp', selector: 'input' }], reason: 'r' } });
    expect(stats.pagesChanged).toBe(0);
  });

  it.each([
    [{ add: [{ role: 'newPassword' as const, selector: 'input[id="x"]' }], reason: 'r' }, /outside the labelScope/],
    [{ add: [{ role: 'username' as const, selector: 'input[id="u"]' }], reason: 'r' }, /already expected/],
    [{ remove: ['input[id="nope"]'], reason: 'r' }, /is not expected/],
    [{ kind: 'login', reason: 'r' }, /already login/],
    [{ kind: 'loginish', add: [], reason: 'r' }, /unknown kind/],
    [{ reason: 'r' }, /nothing to change/],
    [{ add: [{ role: 'username' as const, selector: 'input[id="z"]' }], reason: ' ' }, /no reason/],
    [
      {
        add: [
          { role: 'username' as const, selector: 'input[id="z"]' },
          { role: 'currentPassword' as const, selector: 'input[id="z"]' },
        ],
        reason: 'r',
      },
      /added twice/,
    ],
  ])('refuses a decision that cannot apply (%#)', (decision, message) => {
    expect(() => applyRelabels(labels(), { 'mozilla-login/training__2.html': decision })).toThrow(RelabelError);
    expect(() => applyRelabels(labels(), { 'mozilla-login/training__2.html': decision })).toThrow(message);
  });
});

describe('unusedRelabels', () => {
  it('names pages that are in no part', () => {
    expect(unusedRelabels({ 'ddg/a.html': { reason: 'r' }, 'mozilla-login/training__2.html': { reason: 'r' } }, [labels()])).toEqual(['ddg/a.html']);
  });
});

describe('README section', () => {
  const section = renderRelabelSection([
    {
      part: 'heldout',
      candidatesRead: 12,
      stats: { pagesChanged: 2, added: { username: 3 }, removed: { currentPassword: 1 }, kindsChanged: [{ page: 'a', from: 'no-login-form', to: 'login' }] },
    },
    { part: 'tune', candidatesRead: null, stats: { pagesChanged: 0, added: {}, removed: {}, kindsChanged: [] } },
  ]);

  it('has a row per part with only the roles that changed', () => {
    expect(section.startsWith(README_MARKERS[0])).toBe(true);
    expect(section.endsWith(README_MARKERS[1])).toBe(true);
    expect(section).toContain('| heldout | 12 | 2 | 1 | +3 / −0 | +0 / −1 |');
    expect(section).toContain('| tune | — | 0 | 0 | +0 / −0 | +0 / −0 |');
    expect(section).not.toContain('`otp`');
    expect(section).toContain('Kinds changed in heldout: no-login-form → login (1).');
  });

  it('is inserted before the exclusion tables once, then replaced in place', () => {
    const readme = '# Set\n\n## Counts\n\nx\n\n## Excluded: in the shared corpus (1)\n\n| page |\n';
    const once = withRelabelSection(readme, section);
    expect(once.indexOf(README_MARKERS[0])).toBeLessThan(once.indexOf('## Excluded'));
    const twice = withRelabelSection(once, `${README_MARKERS[0]}\nnew\n${README_MARKERS[1]}`);
    expect(twice.split(README_MARKERS[0]).length).toBe(2);
    expect(twice).toContain('\nnew\n');
    expect(twice).not.toContain('| heldout | 12 |');
    expect(withRelabelSection('# Set\n', 'S')).toBe('# Set\n\nS\n');
  });
});
