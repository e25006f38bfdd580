/** addressKey: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64 (so a host cannot dodge limits by rotating its interface id). */
import { expect, it } from 'vitest';
import { addressKey } from '../../relay/address-key';

it.each([
  ['192.0.2.1', '192.0.2.1'],
  ['::ffff:192.0.2.1', '192.0.2.1'],
  ['::FFFF:198.51.100.7', '198.51.100.7'],
  ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
  ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
  ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
  ['fe80::1', 'fe80:0:0:0::/64'],
  ['unknown', 'unknown'],
])('%s → %s', (address, key) => {
  expect(addressKey(address)).toBe(key);
});

it('gives two addresses of one /64 the same key and of neighbouring /64s different keys', () => {
  expect(addressKey('2001:db8:aa:bb::1')).toBe(addressKey('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
  expect(addressKey('2001:db8:aa:bb::1')).not.toBe(addressKey('2001:db8:aa:bc::1'));
});
