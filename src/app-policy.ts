/**
 * The composition of the organisation's photo rules and the read-back after a change (issue 18): the settings
 * client (Graph beta `photoUpdateSettings`, cached per tenant), the policy gate the chat handler and the page run
 * before a change of one's own photo, and the comparer the change service reads photos back with.
 *
 * The rules are read with the app's own token where the app has an identity (local mode's issuer, or an app
 * credential); without one, with the person's delegated token once they have signed in.
 */
import type { AppTokenSource } from './admin/admin-contracts.js';
import type { AppConfig } from './config.js';
import { GraphDirectoryClient } from './graph/graph-directory-client.js';
import { PhotoSettingsClient } from './graph/photo-settings-client.js';
import type { Logger } from './logger.js';
import { createPhotoComparer, type PhotoComparer } from './photo/photo-compare.js';
import { PhotoPolicy } from './trust/photo-policy.js';

export interface PolicyFeatureDeps {
  readonly config: AppConfig;
  /** Graph's base URL: `config.graph.baseUrl`, or the local emulator's URL in local mode. */
  readonly graphBaseUrl: string;
  readonly appToken: AppTokenSource;
  /** Local mode: the emulator's directory, whose tenant stands in for an activity that names none. */
  readonly localDirectory?: () => Promise<{ readonly tenant: { readonly id: string } }>;
  readonly logger: Logger;
  /** Milliseconds since the epoch; `Date.now` by default (tests move it past the cache). */
  readonly clock?: () => number;
}

export interface PolicyFeatures {
  /** The gate of one's own photo changes (chat and page). */
  readonly policy: PhotoPolicy;
  /** For the change service's read-back after a change. */
  readonly comparer: PhotoComparer;
}

export function policyFeatures(deps: PolicyFeatureDeps): PolicyFeatures {
  const { config, logger, localDirectory } = deps;
  // Local mode always has the local issuer; production has an identity only with an app credential.
  const appHasIdentity = config.bot.app === null || config.appCredential !== null;
  const rules = new PhotoSettingsClient({
    baseUrl: deps.graphBaseUrl,
    cacheMs: config.trust.policy.cacheMs,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const policy = new PhotoPolicy({
    rules,
    directory: new GraphDirectoryClient({ baseUrl: deps.graphBaseUrl, version: config.graph.version }),
    appToken: appHasIdentity ? deps.appToken : null,
    adminContact: config.trust.policy.adminContact,
    ...(localDirectory ? { defaultTenantId: async () => (await localDirectory()).tenant.id } : {}),
    logger,
  });
  return { policy, comparer: createPhotoComparer() };
}
