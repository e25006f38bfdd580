// @vitest-environment jsdom
/** splitRepeatedLogins: two forms in one group (no submit button between them) become two groups. */
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../../../lib/autofill/content/detect/classify-field';
import { collectDetectionControls } from '../../../../lib/autofill/content/detect/collect-detection-controls';
import { groupFields } from '../../../../lib/autofill/content/detect/group-fields';
import { splitRepeatedLogins } from '../../../../lib/autofill/content/detect/split-repeated-logins';
import { htmlDocument } from '../../jsdom-document';

async function partsOf(html: string) {
  const [group] = groupFields(collectDetectionControls(await htmlDocument(html)), () => true);
  return splitRepeatedLogins(group!, group!.inputs.map(classifyField));
}

describe('splitRepeatedLogins', () => {
  it('splits at an identifier that follows a password when another password follows it', async () => {
    const parts = await partsOf(`<table><tr><td id="left"><input id="u1" name="username"><input id="p1" type="password"></td>
      <td id="right"><input id="u2" name="username"><input id="p2" type="password"><button id="go">Submit</button></td></tr></table>`);
    expect(parts.map(([g]) => g.inputs.map((el) => el.id))).toEqual([['u1', 'p1'], ['u2', 'p2']]);
    expect(parts.map(([g]) => g.container.id)).toEqual(['left', 'right']);
    expect(parts.map(([g]) => g.submit?.id ?? null)).toEqual([null, 'go']);
    expect(parts.map(([, traits]) => traits.length)).toEqual([2, 2]);
  });

  it('keeps a sign-up whose confirmation repeats the email, then the password, as one form', async () => {
    const parts = await partsOf(`<form><input id="e1" type="email" name="email"><input id="p1" type="password" name="password">
      <input id="e2" type="email" name="email2"><input id="p2" type="password" name="password2"></form>`);
    expect(parts).toHaveLength(1);
  });

  it('keeps a sign-up that asks for a phone after the passwords as one form', async () => {
    const parts = await partsOf(`<form><input id="e" type="email"><input id="p1" type="password"><input id="p2" type="password" placeholder="Confirm">
      <input id="t" type="tel" placeholder="Phone"></form>`);
    expect(parts).toHaveLength(1);
  });
});
