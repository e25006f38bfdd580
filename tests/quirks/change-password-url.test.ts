/** changePasswordUrl: Apple's change-password quirks by host, then parent domains down to the registrable domain, else /.well-known/change-password. */
import { describe, expect, it } from 'vitest';
import { changePasswordUrl } from '../../lib/quirks/change-password-url';

describe('changePasswordUrl', () => {
  it('uses the quirks entry of the exact host', () => {
    expect(changePasswordUrl('https://account.magento.com/customer/account/login')).toBe('https://account.magento.com/customer/account/changepassword');
    expect(changePasswordUrl('https://github.com/login')).toBe('https://github.com/settings/security');
  });

  it('walks from a subdomain up to the registrable domain (multi-label public suffix included)', () => {
    expect(changePasswordUrl('https://www.amazon.co.uk/ap/signin?x=1')).toBe('https://www.amazon.co.uk/ax/account/manage');
    expect(changePasswordUrl('https://login.www.11st.co.kr/')).toBe('https://www.11st.co.kr/register/popupModifyPWD.tmall');
    expect(changePasswordUrl('https://ACCOUNTS.Google.COM./signin')).toBe('https://myaccount.google.com/signinoptions/password');
  });

  it('never takes a sibling or child entry: other.magento.com is not account.magento.com', () => {
    expect(changePasswordUrl('https://other.magento.com/login')).toBe('https://other.magento.com/.well-known/change-password');
  });

  it('falls back to the well-known URL on the saved origin, keeping scheme and port', () => {
    expect(changePasswordUrl('https://intranet.example.org/sso')).toBe('https://intranet.example.org/.well-known/change-password');
    expect(changePasswordUrl('http://127.0.0.1:8080/login')).toBe('http://127.0.0.1:8080/.well-known/change-password');
    expect(changePasswordUrl('https://user.github.io/app')).toBe('https://user.github.io/.well-known/change-password');
  });

  it('reads a bare host (or host:port) as https', () => {
    expect(changePasswordUrl('example.com')).toBe('https://example.com/.well-known/change-password');
    expect(changePasswordUrl('localhost:3000')).toBe('https://localhost:3000/.well-known/change-password');
    expect(changePasswordUrl(' github.com ')).toBe('https://github.com/settings/security');
  });

  it('returns null for addresses that are not web addresses', () => {
    for (const url of ['', 'about:blank', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'http://', 'not a url']) {
      expect(changePasswordUrl(url), url).toBeNull();
    }
  });
});
