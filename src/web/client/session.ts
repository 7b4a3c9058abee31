/**
 * Who the page acts for, and the token it sends the API. Inside Teams (or Outlook, or the Microsoft 365 app):
 * teams-js `app.initialize()`, then `authentication.getAuthToken()`, the person's Teams SSO token for the app,
 * asked again for every call (Teams caches it and renews it when it expires). In a plain browser initialize fails
 * at once (no host window) or never answers, so after {@link TEAMS_TIMEOUT_MS} the page asks the server for a local
 * token (`GET /api/local/token`), which exists only in local mode on loopback; elsewhere it answers 404 and the page
 * says to open it in Teams. The page's own `?user=<id>` is passed on, to act as another local user.
 */
import './teams-fetch-guard.js';
import { app, authentication } from '@microsoft/teams-js';

/** How long a host has to answer `app.initialize()` before the page takes itself to be in a plain browser. */
export const TEAMS_TIMEOUT_MS = 1500;

/** A source of tokens for the API. */
export interface Session {
  readonly host: 'teams' | 'local';
  /** A token; `fresh` after the API refused the last one. */
  token(fresh: boolean): Promise<string>;
}

/** What the host told the page about itself (Teams only). */
export interface HostContext {
  /** The host's user-interface language, e.g. `de-de`. */
  readonly locale: string;
  /** `default`, `dark`, `contrast`, … */
  readonly theme: string;
  /** Called with the new theme when the person changes it. */
  onThemeChange(handler: (theme: string) => void): void;
}

/** How signing in ended. */
export type SignIn =
  | { readonly kind: 'teams'; readonly session: Session; readonly context: HostContext }
  | { readonly kind: 'local'; readonly session: Session }
  /** Not in Teams, and the server has no local sign-in (not local mode). */
  | { readonly kind: 'elsewhere' }
  /** In Teams, but Teams gave no token; or the server could not be reached. */
  | { readonly kind: 'failed'; readonly reason: 'teams' | 'offline' };

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('timed out'));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('refused'));
      },
    );
  });
}

async function teamsContext(): Promise<HostContext | null> {
  try {
    await within(app.initialize(), TEAMS_TIMEOUT_MS);
    const context = await within(app.getContext(), TEAMS_TIMEOUT_MS);
    return {
      locale: context.app.locale,
      theme: context.app.theme,
      onThemeChange: (handler) => {
        app.registerOnThemeChangeHandler(handler);
      },
    };
  } catch {
    return null;
  }
}

/** The local token from the server, or why there is none. */
async function localToken(): Promise<{ readonly token: string } | 'absent' | 'offline'> {
  const user = new URLSearchParams(location.search).get('user');
  const url =
    user === null ? '/api/local/token' : `/api/local/token?${new URLSearchParams({ user }).toString()}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
  } catch {
    return 'offline';
  }
  if (!response.ok) return 'absent';
  try {
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === 'string' && body.token !== '' ? { token: body.token } : 'absent';
  } catch {
    return 'absent';
  }
}

/** Signs in as described above. */
export async function signIn(): Promise<SignIn> {
  const context = await teamsContext();
  if (context !== null) {
    const session: Session = { host: 'teams', token: () => authentication.getAuthToken() };
    try {
      await session.token(false);
    } catch {
      return { kind: 'failed', reason: 'teams' };
    }
    return { kind: 'teams', session, context };
  }
  const first = await localToken();
  if (first === 'offline') return { kind: 'failed', reason: 'offline' };
  if (first === 'absent') return { kind: 'elsewhere' };
  let current = first.token;
  const session: Session = {
    host: 'local',
    async token(fresh) {
      if (fresh) {
        const renewed = await localToken();
        if (typeof renewed === 'object') current = renewed.token;
      }
      return current;
    },
  };
  return { kind: 'local', session };
}
