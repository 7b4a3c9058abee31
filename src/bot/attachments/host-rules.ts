/**
 * Host checks for attachment downloads: which hosts are loopback, which are IP literals, and the allowlist of hosts
 * that may receive the bot's own token.
 *
 * Every function takes `URL#hostname`, i.e. a host the WHATWG URL parser has already canonicalised: lower case,
 * punycode, IPv4 in dotted decimal (so `http://2130706433/` and `http://0x7f.1/` both arrive as `127.0.0.1`), and
 * IPv6 in brackets and compressed form (`[::1]`). Checking the parsed host, never the raw string, is what keeps
 * `https://smba.trafficmanager.net@evil.example/` from passing as a Teams host.
 */

/** Lower case, without the brackets of an IPv6 literal. */
export function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** True for an IPv4 or IPv6 address rather than a DNS name. */
export function isIpLiteral(hostname: string): boolean {
  const host = normalizeHost(hostname);
  return IPV4.test(host) || host.includes(':');
}

/**
 * True for `localhost`, 127.0.0.0/8 and `::1`. Other spellings of loopback (`::ffff:127.0.0.1`, `0.0.0.0`) are
 * deliberately not recognised: they are refused rather than treated as local.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = normalizeHost(hostname);
  return host === 'localhost' || host === '::1' || (IPV4.test(host) && host.startsWith('127.'));
}

// A DNS name or IPv4 address (labels of letters, digits and hyphens), optionally with the leading dot of a suffix
// entry, or an IPv6 literal.
const ENTRY = /^(?:\.?[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f:.]*:[0-9a-f:.]*)$/;

/**
 * The hosts that may receive the bot's token: exact hosts (`smba.trafficmanager.net`, `127.0.0.1`, `::1`) and
 * suffixes written with a leading dot (`.botframework.com`).
 *
 * A suffix matches only at a label boundary, so `.botframework.com` matches `europe.botframework.com` but neither
 * `evilbotframework.com` nor `botframework.com` itself (list that one exactly if it is wanted). Suffixes never
 * match an IP literal. Entries are checked when the list is built, so a mistake in the configuration (a scheme, a
 * path, a `*.` wildcard, a one-label suffix such as `.net`) fails at start-up rather than at the first image.
 */
export class HostAllowlist {
  private readonly exact = new Set<string>();
  private readonly suffixes: string[] = [];

  /** @throws RangeError for an entry that is not a host or a dot-prefixed suffix of at least two labels */
  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = normalizeHost(raw.trim());
      if (!ENTRY.test(entry) || entry === '.') {
        throw new RangeError(
          `token host entry ${JSON.stringify(raw)} is not a host or a dot-prefixed suffix (e.g. .botframework.com)`,
        );
      }
      if (entry.startsWith('.')) {
        // `.net` or `.com` would hand the token to half the internet.
        if (entry.split('.').length < 3) throw new RangeError(`token host suffix ${raw} is too broad`);
        this.suffixes.push(entry);
      } else {
        this.exact.add(entry);
      }
    }
  }

  /** True when the token may be sent to `hostname` (a `URL#hostname`). */
  has(hostname: string): boolean {
    const host = normalizeHost(hostname);
    if (host === '') return false;
    if (this.exact.has(host)) return true;
    if (isIpLiteral(host)) return false;
    return this.suffixes.some((suffix) => host.endsWith(suffix));
  }
}
