import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
// IPv4: "this" network, private, carrier-grade NAT, loopback, link-local
// (cloud metadata), IETF protocol assignments, benchmarking, multicast and
// reserved.
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
// IPv6: unspecified, loopback, unique local, link-local, multicast.
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');
PRIVATE.addSubnet('ff00::', 8, 'ipv6');

/**
 * Whether an IP address is private, loopback, link-local or otherwise not a
 * public internet address (IPv4-mapped IPv6 addresses are judged as IPv4).
 * Anything that is not an IP address counts as private.
 *
 * @internal
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1] : address;
  const family = isIP(plain);
  if (family === 4) {
    return PRIVATE.check(plain, 'ipv4');
  }
  if (family === 6) {
    return PRIVATE.check(plain, 'ipv6');
  }
  return true;
}
