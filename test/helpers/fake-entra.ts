/**
 * An in-process Microsoft Entra ID token endpoint behind @azure/identity's `httpClient` seam (see
 * ../shared/docs/teams-graph-notes.md): the credentials run for real, and nothing leaves the process.
 */
import type { TokenCredentialOptions } from '@azure/identity';

export const FAKE_AUTHORITY = 'https://login.example.test';

export interface TokenRequest {
  readonly url: string;
  readonly form: URLSearchParams;
}

type TokenAnswer = { status: number; body: Record<string, unknown> };

/** A minimal HttpHeaders: what the Azure pipeline reads of a response's headers. */
class Headers {
  private readonly map = new Map<string, string>();
  constructor(entries: Record<string, string>) {
    for (const [name, value] of Object.entries(entries)) this.map.set(name.toLowerCase(), value);
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string | number | boolean): void {
    this.map.set(name.toLowerCase(), String(value));
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

interface SeamRequest {
  url: string;
  method: string;
  body?: unknown;
}

/** Records every token request and answers with `answer(request)`. */
export function fakeEntra(answer: (request: TokenRequest) => TokenAnswer) {
  const requests: TokenRequest[] = [];
  const httpClient = {
    sendRequest(request: SeamRequest) {
      const url = new URL(request.url);
      if (url.origin !== FAKE_AUTHORITY) throw new Error(`unexpected request to ${url.origin}`);
      const respond = (status: number, body: unknown) =>
        Promise.resolve({
          request,
          status,
          headers: new Headers({ 'content-type': 'application/json' }),
          bodyAsText: JSON.stringify(body),
        });
      if (request.method === 'GET' && url.pathname.endsWith('/.well-known/openid-configuration')) {
        const tenant = url.pathname.split('/')[1] ?? 'tenant';
        return respond(200, {
          token_endpoint: `${FAKE_AUTHORITY}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${FAKE_AUTHORITY}/${tenant}/oauth2/v2.0/authorize`,
          issuer: `${FAKE_AUTHORITY}/${tenant}/v2.0`,
          jwks_uri: `${FAKE_AUTHORITY}/${tenant}/discovery/v2.0/keys`,
          end_session_endpoint: `${FAKE_AUTHORITY}/${tenant}/oauth2/v2.0/logout`,
        });
      }
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const tokenRequest = { url: request.url, form };
      requests.push(tokenRequest);
      const { status, body } = answer(tokenRequest);
      return respond(status, body);
    },
  };
  return {
    requests,
    /** Options for the credential under test. The client implements the part of HttpClient the pipeline uses. */
    credentialOptions: {
      httpClient: httpClient as unknown as TokenCredentialOptions['httpClient'],
      disableInstanceDiscovery: true,
    },
  };
}
