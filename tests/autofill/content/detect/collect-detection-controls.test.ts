// @vitest-environment jsdom
/** collectDetectionControls: which elements, in which order, through open shadow roots. */
import { describe, expect, it } from 'vitest';
import { collectDetectionControls } from '../../../../lib/autofill/content/detect/collect-detection-controls';
import { htmlDocument } from '../../jsdom-document';

describe('collectDetectionControls', () => {
  it('keeps text-like inputs (search too: some sites type their user ID so) and buttons, drops checkboxes, hidden, file and other inputs', async () => {
    const doc = await htmlDocument(`<input id="t"><input id="e" type="email"><input id="tel" type="tel"><input id="pw" type="password">
      <input id="n" type="number"><input type="hidden"><input type="checkbox"><input type="file"><input id="q" type="search"><input type="date">
      <input id="s" type="submit"><input id="i" type="image"><button id="b"></button><div id="r" role="button"></div><select></select><textarea></textarea>`);
    expect(collectDetectionControls(doc).map((el) => el.id)).toEqual(['t', 'e', 'tel', 'pw', 'n', 'q', 's', 'i', 'b', 'r']);
  });

  it('lists shadow-root controls right after their host, nested roots included', async () => {
    const doc = await htmlDocument('<input id="before"><x-outer id="outer"></x-outer><input id="after">');
    const outer = doc.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<input id="o1"><x-inner id="inner"></x-inner><button id="o2"></button>';
    outer.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = '<input id="i1">';
    expect(collectDetectionControls(doc).map((el) => el.id)).toEqual(['before', 'o1', 'i1', 'o2', 'after']);
  });

  it('lists a role=button host and its shadow content once each', async () => {
    const doc = await htmlDocument('<div id="host" role="button"></div>');
    doc.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<input id="inside">';
    expect(collectDetectionControls(doc).map((el) => el.id)).toEqual(['host', 'inside']);
  });
});
