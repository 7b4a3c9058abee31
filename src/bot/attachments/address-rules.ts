/**
 * Which IP addresses a download without the bot's token may connect to, after its host name was resolved.
 *
 * A file's `downloadUrl` arrives in the activity, so its host is whatever the sender's client (or anyone who can
 * post to the bot) put there, and a name can resolve to any address. Checking the name as text is not enough:
 * `photos.attacker.example` may resolve to 169.254.169.254 (a cloud metadata endpoint) or to a service on the
 * bot's own network. So the addresses are checked, and the connection is made to the address that was checked
 * (see attachment-downloader.ts), never to a second lookup's answer.
 *
 * IPv4: every special-purpose range of the IANA registry is refused (RFC 6890 and successors): "this network",
 * private, CGNAT, loopback, link-local, IETF protocol assignments, documentation, benchmarking, 6to4 relay,
 * multicast, reserved and broadcast.
 *
 * IPv6 is checked the other way round: only global unicast (2000::/3) passes, minus its special-purpose blocks
 * (IETF protocol assignments including Teredo, documentation, 6to4). Everything else is refused, which covers every
 * spelling of an IPv4 address inside IPv6 (IPv4-mapped `::ffff:127.0.0.1` and `::ffff:7f00:1`, IPv4-compatible
 * `::127.0.0.1`, NAT64 `64:ff9b::7f00:1`, 6to4 `2002:7f00:1::`), unique-local (fc00::/7), link-local (fe80::/10),
 * loopback, unspecified and multicast. `node:net`'s BlockList does the parsing, so every textual spelling of an
 * address lands on the same bits.
 */
import { BlockList, isIP } from 'node:net';

/** The kind of address a connection would reach; everything but `public` is refused (loopback: local mode only). */
export type AddressKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'unique-local' | 'reserved';

function blockList(family: 'ipv4' | 'ipv6', subnets: readonly (readonly [string, number])[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

const V4_LOOPBACK = blockList('ipv4', [['127.0.0.0', 8]]);
const V4_PRIVATE = blockList('ipv4', [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
]);
const V4_LINK_LOCAL = blockList('ipv4', [['169.254.0.0', 16]]);
const V4_CGNAT = blockList('ipv4', [['100.64.0.0', 10]]);
const V4_RESERVED = blockList('ipv4', [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on many systems
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
]);

const V6_GLOBAL_UNICAST = blockList('ipv6', [['2000::', 3]]);
const V6_GLOBAL_RESERVED = blockList('ipv6', [
  ['2001::', 23], // IETF protocol assignments, with Teredo (2001::/32), which embeds an IPv4 address
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4, which embeds an IPv4 address
  ['3fff::', 20], // documentation
]);
const V6_LOOPBACK = blockList('ipv6', [['::1', 128]]);
const V6_UNIQUE_LOCAL = blockList('ipv6', [['fc00::', 7]]);
const V6_LINK_LOCAL = blockList('ipv6', [['fe80::', 10]]);

/**
 * Classifies one IP address (as `dns.lookup` returns it, or an IP literal without brackets). Anything that is not
 * an address is `reserved`, so a malformed answer is refused rather than connected to.
 */
export function classifyAddress(address: string): AddressKind {
  // A zone index (`fe80::1%eth0`) only ever appears on link-scoped addresses; drop it so the address parses.
  const bare = address.split('%')[0] ?? '';
  const family = isIP(bare);
  if (family === 4) {
    if (V4_LOOPBACK.check(bare, 'ipv4')) return 'loopback';
    if (V4_PRIVATE.check(bare, 'ipv4')) return 'private';
    if (V4_LINK_LOCAL.check(bare, 'ipv4')) return 'link-local';
    if (V4_CGNAT.check(bare, 'ipv4')) return 'cgnat';
    if (V4_RESERVED.check(bare, 'ipv4')) return 'reserved';
    return 'public';
  }
  if (family === 6) {
    if (V6_LOOPBACK.check(bare, 'ipv6')) return 'loopback';
    if (V6_UNIQUE_LOCAL.check(bare, 'ipv6')) return 'unique-local';
    if (V6_LINK_LOCAL.check(bare, 'ipv6')) return 'link-local';
    if (V6_GLOBAL_UNICAST.check(bare, 'ipv6') && !V6_GLOBAL_RESERVED.check(bare, 'ipv6')) return 'public';
    return 'reserved';
  }
  return 'reserved';
}

/**
 * Why a connection to `address` is refused, or `undefined` when it may go ahead.
 * @param allowLoopback local mode: 127.0.0.0/8 and `::1` are allowed (never an IPv4-mapped spelling of them)
 */
export function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public' || (kind === 'loopback' && allowLoopback)) return undefined;
  return `${kind} address ${address}`;
}
