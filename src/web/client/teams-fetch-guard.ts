/**
 * Imported before @microsoft/teams-js, so it runs first. When teams-js loads it fetches its list of trusted host
 * origins from `res.cdn.office.net`, and falls back to the list it ships when that fails. The page's policy
 * (`connect-src 'self'`) forbids the fetch anyway, and the browser would report each refusal as an error in the
 * console (and a machine without the internet would wait for it); so that one request is answered here, at once,
 * with the failure teams-js handles, and every other request goes to the real `fetch` untouched.
 */
const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js/';

const realFetch = globalThis.fetch.bind(globalThis);

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
  urlOf(input).startsWith(TEAMS_JS_CDN)
    ? Promise.reject(new TypeError('the page does not fetch from other origins'))
    : realFetch(input, init);
