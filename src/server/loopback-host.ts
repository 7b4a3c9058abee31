/**
 * Is a request's `Host` header a loopback name? Used by everything that serves on loopback without
 * authentication (the bot in local mode, the Graph emulator) to refuse DNS rebinding: a page on `evil.example`
 * whose name is made to resolve to 127.0.0.1 reaches a loopback server from the browser, but its requests still
 * carry `Host: evil.example`. Pure (no restify), so the emulator can use it too.
 */

// Only the names a local client uses: `127.0.0.1`, `localhost` and `[::1]`, each with an optional port. Other
// spellings of loopback (`127.1`, `0x7f.0.0.1`, `localhost.`) are not what browsers or tools send, and
// refusing them costs nothing.
const LOOPBACK_HOST_HEADER = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** True when `host` (a `Host` header) names this machine by a loopback name. */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST_HEADER.test(host);
}
