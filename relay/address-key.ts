/**
 * The rate-limit key of a client address. An IPv6 host usually holds a whole /64, so counting per full
 * address would let it rotate addresses freely; it is counted per /64 instead. IPv4-mapped IPv6
 * (`::ffff:192.0.2.1`, how Node reports IPv4 on a dual-stack socket) counts as the IPv4 address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * @param address - as Node reports it, e.g. `192.0.2.1`, `::ffff:192.0.2.1`, `2001:db8::1`
 * @returns the IPv4 address, the IPv6 /64 prefix as four hex groups plus `::/64`, or the input unchanged
 *   when it is neither (tests, unknown)
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const zeros = Array.from({ length: 8 - headGroups.length - tailGroups.length }, () => '0');
  const groups = address.includes('::') ? [...headGroups, ...zeros, ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
