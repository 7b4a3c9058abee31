/**
 * `profile-photo token --user <upn> [--scope S ...]` / `profile-photo token --app [--role R ...]`: prints a token
 * for the local Graph emulator, signed with the key in the data folder, alone on the last line of stdout (a line
 * before it says what the token is), so `... | tail -n 1` gives the token. An unknown user exits 1 (`UnknownUser`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_APP_ROLES,
  DEFAULT_DELEGATED_SCOPES,
  LocalTokenIssuer,
  TOKEN_LIFETIME_SECONDS,
} from '../auth/local-token-issuer.js';
import { loadConfig } from '../config.js';
import { loadDirectory } from '../emulator/directory.js';
import { AuthError } from '../errors.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';

const usage = `profile-photo token --user <upn> [--scope S ...] [--data DIR]
       profile-photo token --app [--role R ...] [--data DIR]

Prints a one-hour token for the local Graph emulator as the last line of stdout.
  --user UPN   a user of the emulator's directory, by user principal name or object id
  --scope S    a delegated scope; repeat it, or put several in one separated by spaces
               (default: ${DEFAULT_DELEGATED_SCOPES.join(' ')})
  --app        the app's own token (client credentials) instead of a user's
  --role R     an application role; repeat it (default: ${DEFAULT_APP_ROLES.join(' ')})
  --data DIR   the data folder with the directory and the signing key (default: DATA_DIR)`;

/** Seams for tests. */
export interface TokenCommandOptions {
  /** Milliseconds since the epoch; `Date.now` unless a test hands in its own. */
  readonly clock?: () => number;
}

/** Builds the `token` command; {@link tokenCommand} is the one the command line uses. */
export function createTokenCommand(options: TokenCommandOptions = {}): Command {
  const clock = options.clock ?? Date.now;
  return {
    name: 'token',
    summary: "print a token for the local Graph emulator (a user's or the app's)",
    usage,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { values } = parseArgs({
        args: [...args],
        options: {
          user: { type: 'string' },
          app: { type: 'boolean' },
          scope: { type: 'string', multiple: true },
          role: { type: 'string', multiple: true },
          data: { type: 'string' },
        },
        allowPositionals: false,
        strict: true,
      });
      const app = values.app === true;
      if (app === (values.user !== undefined))
        throw new UsageError('token needs either --user <upn> or --app');
      if (app && values.scope) throw new UsageError('--scope goes with --user; an app token takes --role');
      if (!app && values.role) throw new UsageError('--role goes with --app; a user token takes --scope');
      if (values.user?.trim() === '') throw new UsageError('--user needs a user principal name');
      const dataDir = values.data === undefined ? loadConfig().dataDir : path.resolve(values.data);

      const directory = await loadDirectory(dataDir);
      const issuer = await LocalTokenIssuer.open(dataDir, { clock });
      const expires = new Date(clock() + TOKEN_LIFETIME_SECONDS * 1000).toISOString();
      const tenantId = directory.tenant.id;
      if (app) {
        const token = issuer.issueApp({ tenantId, ...(values.role ? { roles: values.role } : {}) });
        io.out(
          `App token for tenant ${tenantId}, roles ${(values.role ?? DEFAULT_APP_ROLES).join(' ')}, until ${expires}:`,
        );
        io.out(token);
        return EXIT.ok;
      }
      const user = directory.findUser(values.user ?? '');
      if (!user) throw new AuthError('UnknownUser', 'not in the emulator directory');
      const token = issuer.issueDelegated({
        tenantId,
        userId: user.id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
        ...(values.scope ? { scopes: values.scope } : {}),
      });
      const scopes = (values.scope ?? DEFAULT_DELEGATED_SCOPES).join(' ');
      io.out(`Token for ${user.userPrincipalName} (${user.id}), scopes ${scopes}, until ${expires}:`);
      io.out(token);
      return EXIT.ok;
    },
  };
}

/** `profile-photo token`. */
export const tokenCommand: Command = createTokenCommand();
