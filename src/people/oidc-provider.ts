import * as client from 'openid-client';
import type { Config } from '../config/config.js';

export type OidcSettings = NonNullable<Config['oidc']>;

/**
 * The identity provider's configuration, discovered from its issuer on first use (so that the site starts
 * while the provider is down) and kept; a failed discovery is tried again next time. ID tokens from the
 * token endpoint have their signatures checked against the provider's published keys (JWKS), not only
 * trusted for arriving over TLS. Plain-HTTP issuers are accepted on loopback only (config refuses others).
 */
export function oidcProvider(settings: OidcSettings): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: [
          client.enableNonRepudiationChecks,
          ...(new URL(settings.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : []),
        ],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
}
