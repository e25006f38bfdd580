// @vitest-environment jsdom
/** findNearbyText: text before a field, a floating label after it, and where the search stops. */
import { describe, expect, it } from 'vitest';
import { findNearbyText } from '../../../../lib/autofill/content/detect/find-nearby-text';
import { htmlDocument } from '../../jsdom-document';

async function nearby(html: string): Promise<string> {
  const doc = await htmlDocument(html);
  return findNearbyText(doc.getElementById('f')!);
}

describe('findNearbyText', () => {
  it('finds text in a preceding sibling, up to three levels up', async () => {
    expect(await nearby('<div>Email</div><div><div><input id="f"></div></div>')).toBe('Email');
    expect(await nearby('<td>Password:</td><td><input id="f"></td>')).toBe('Password:');
    expect(await nearby('User ID <input id="f">')).toBe('User ID');
  });

  it('reads a floating label right after the field', async () => {
    expect(await nearby('<div>Heading</div><input id="f"><label>Mot de passe actuel</label>')).toBe('Mot de passe actuel');
  });

  it('does not take a following label that names another field by for= (it is placed before that field)', async () => {
    expect(await nearby('<div>Confirm</div><input id="f"><label for="o">Current password</label><input id="o">')).toBe('Confirm');
    expect(await nearby('<div>Heading</div><input id="f"><label for="f">Current password</label>')).toBe('Current password');
    // A for= that names no element (ids randomised by the site) still labels the field it follows.
    expect(await nearby('<div>Heading</div><input id="f"><label for="user_oldPassword">Current password</label>')).toBe('Current password');
  });

  it('stops at a sibling holding another control: its text labels that control', async () => {
    expect(await nearby('<div>Username <input></div><div><input id="f"></div>')).toBe('');
  });

  it('reads past a required-field mark to the text it marks (issue 18)', async () => {
    expect(await nearby('Login Name (no capitals):<span class="required">*</span><br><label for="f"><input id="f"></label>')).toBe(
      'Login Name (no capitals):',
    );
    expect(await nearby('<div>Password</div><span>**</span><input id="f">')).toBe('Password');
  });

  it('skips script and style text and never reads above the body', async () => {
    expect(await nearby('<div>Phone</div><style>.x{}</style><script>var a</script><input id="f">')).toBe('Phone');
    const doc = await htmlDocument('<head><title>Sign in</title></head><body><input id="f"></body>');
    expect(findNearbyText(doc.getElementById('f')!)).toBe('');
  });
});
