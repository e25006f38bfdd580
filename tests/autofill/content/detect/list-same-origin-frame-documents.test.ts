// @vitest-environment jsdom
/** listSameOriginFrameDocuments: readable frames, nested ones, and unreadable ones skipped. */
import { describe, expect, it } from 'vitest';
import { detectForms } from '../../../../lib/autofill/content/detect/detect-forms';
import { listSameOriginFrameDocuments } from '../../../../lib/autofill/content/detect/list-same-origin-frame-documents';
import { htmlDocument } from '../../jsdom-document';

describe('listSameOriginFrameDocuments', () => {
  it('lists same-origin frame documents depth first, so each can be scanned', async () => {
    const doc = await htmlDocument('<iframe id="a"></iframe><iframe id="b"></iframe>');
    const a = (doc.getElementById('a') as HTMLIFrameElement).contentDocument!;
    const b = (doc.getElementById('b') as HTMLIFrameElement).contentDocument!;
    a.body.innerHTML = '<iframe id="nested"></iframe>';
    const nested = (a.getElementById('nested') as HTMLIFrameElement).contentDocument!;
    nested.body.innerHTML = '<form><input name="user"><input type="password" name="pw"><button>Log in</button></form>';
    expect(listSameOriginFrameDocuments(doc)).toEqual([a, nested, b]);
    expect(listSameOriginFrameDocuments(doc).flatMap((d) => detectForms(d)).map((f) => f.kind)).toEqual(['login']);
  });

  it('skips frames whose document cannot be read (cross-origin: null, or a throwing getter)', async () => {
    const doc = await htmlDocument('<iframe id="null"></iframe><iframe id="throws"></iframe><iframe id="ok"></iframe>');
    Object.defineProperty(doc.getElementById('null'), 'contentDocument', { get: () => null });
    Object.defineProperty(doc.getElementById('throws'), 'contentDocument', {
      get: () => {
        throw new Error('SecurityError');
      },
    });
    expect(listSameOriginFrameDocuments(doc)).toEqual([(doc.getElementById('ok') as HTMLIFrameElement).contentDocument]);
  });

  it('returns an empty list for a page without frames', async () => {
    expect(listSameOriginFrameDocuments(await htmlDocument('<p>no frames</p>'))).toEqual([]);
  });
});
