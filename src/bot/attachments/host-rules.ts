/**
 * Host checks for attachment downloads: which hosts are loopback, which are IP literals, and the allowlist of hosts
 * that may receive the bot's own token.
 *
 * Every function takes `URL#hostname`, i.e. a host the WHATWG URL parser has already canonicalised: lower case,
 * punycode, IPv4 in dotted decimal (so `http://2130706433/` and `http://0x7f.1/` both arrive as `127.0.0.1`), and
 * IPv6 in brackets and compressed form (`[::1]`). Checking the parsed host, never the raw string, is what keeps
 * `https://smba.trafficmanager.net@evil.example/` from passing as a Teams host.
 */
import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';

let tldts: typeof Tldts | undefined;

/**
 * tldts and its copy of the Public Suffix List, loaded on the first check (about 50 ms): the configuration checks
 * only entries someone added to the default token hosts, so a start with the defaults never loads it.
 */
function publicSuffixList(): typeof Tldts {
  tldts ??= createRequire(import.meta.url)('tldts') as typeof Tldts;
  return tldts;
}

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
 * Why a token host entry (exact host, or `.suffix`) must not be used, or `undefined` when it may. The same rule
 * refuses the entry at start-up (config.ts lists it) and in {@link HostAllowlist}.
 *
 * Besides the syntax, the Public Suffix List (ICANN and private sections, via tldts) decides:
 * - no entry may *be* a public suffix: `.trafficmanager.net`, `trafficmanager.net`, `.net`, `.co.uk`. Anyone can
 *   register a name under one, and so receive the bot's token from an inline image URL;
 * - no `.suffix` entry may sit *directly under* a suffix of the PSL's private section (`.x.trafficmanager.net`,
 *   `.x.azurewebsites.net`): those names are handed out by a cloud service to whoever asks first, so owning one
 *   today says nothing about who owns its neighbours or will own it tomorrow. List the exact service host instead
 *   (`smba.trafficmanager.net` is Microsoft's).
 * A suffix under a domain registered in the ICANN section (`.botframework.com`, `.asm.skype.com`) is allowed: its
 * owner, here Microsoft, controls every name under it. IP literals and `localhost` (local mode) are exact hosts
 * outside the PSL's concern.
 */
export function tokenHostEntryProblem(raw: string): string | undefined {
  const entry = normalizeHost(raw.trim());
  const shown = JSON.stringify(raw);
  if (!ENTRY.test(entry) || entry === '.')
    return `${shown} is not a host or a dot-prefixed suffix (e.g. .botframework.com)`;
  const suffix = entry.startsWith('.');
  if (!suffix && (isIpLiteral(entry) || entry === 'localhost')) return undefined;
  const name = suffix ? entry.slice(1) : entry;
  const { getPublicSuffix, parse } = publicSuffixList();
  const parsed = parse(name, { allowPrivateDomains: true });
  // tldts treats an IPv4-looking suffix (`.0.0.1`) as an address; it can never match a name, so it is harmless.
  if (parsed.isIp) return undefined;
  if (parsed.publicSuffix === name || getPublicSuffix(name) === name)
    return `${shown} is a public suffix: anyone can register names under it, so it cannot receive the bot's token`;
  if (suffix && parsed.isPrivate === true && parsed.domain === name)
    return (
      `${shown} sits directly under the public suffix ${parsed.publicSuffix ?? ''}, where anyone can register ` +
      `names: list the exact host instead`
    );
  return undefined;
}

/**
 * The hosts that may receive the bot's token: exact hosts (`smba.trafficmanager.net`, `127.0.0.1`, `::1`) and
 * suffixes written with a leading dot (`.botframework.com`).
 *
 * A suffix matches only at a label boundary, so `.botframework.com` matches `europe.botframework.com` but neither
 * `evilbotframework.com` nor `botframework.com` itself (list that one exactly if it is wanted). Suffixes never
 * match an IP literal. Entries are checked when the list is built ({@link tokenHostEntryProblem}), so a mistake in
 * the configuration (a scheme, a path, a `*.` wildcard, a public suffix such as `.trafficmanager.net` or `.net`)
 * fails at start-up rather than at the first image.
 */
export class HostAllowlist {
  private readonly exact = new Set<string>();
  private readonly suffixes: string[] = [];

  /** @throws RangeError for an entry {@link tokenHostEntryProblem} refuses */
  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const problem = tokenHostEntryProblem(raw);
      if (problem !== undefined) throw new RangeError(`token host entry ${problem}`);
      const entry = normalizeHost(raw.trim());
      if (entry.startsWith('.')) this.suffixes.push(entry);
      else this.exact.add(entry);
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
