/**
 * The bot's production sign-in chain for offline tests: the Bot Framework token service (botbuilder's TestAdapter
 * plays it) under an OAuth connection, and the on-behalf-of exchange with the real `OnBehalfOfCredential` answered by
 * the in-process Entra stand-in (fake-entra.ts).
 */
import { OboTokenProvider } from '../../src/auth/obo-token-provider.js';
import { SsoSenderTokens } from '../../src/bot/sender-tokens.js';
import { UserTokenService } from '../../src/bot/user-token-service.js';
import { FAKE_AUTHORITY, type fakeEntra } from './fake-entra.js';

/** The token service for `connection`, and the sender tokens that exchange its tokens through `entra`. */
export function ssoSenderTokens(
  connection: string,
  entra: Pick<ReturnType<typeof fakeEntra>, 'credentialOptions'>,
): { userTokens: UserTokenService; tokens: SsoSenderTokens } {
  const userTokens = new UserTokenService(connection);
  const tokens = new SsoSenderTokens(
    userTokens,
    new OboTokenProvider({
      tenantId: 'tenant',
      clientId: 'app',
      secret: { clientSecret: 'secret' },
      authorityHost: FAKE_AUTHORITY,
      credentialOptions: entra.credentialOptions,
    }),
  );
  return { userTokens, tokens };
}
