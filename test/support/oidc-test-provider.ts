import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** What the provider puts in (or how it signs) the ID token for one authorization code. */
export interface Grant {
  readonly subject: string;
  readonly email?: string;
  readonly emailVerified?: boolean;
  /** Claims to change, as a provider that misbehaves or an attacker would: aud, nonce, iss, exp... */
  readonly override?: JWTPayload;
  /** Sign with a key that is not in the provider's JWKS (as a forger would). */
  readonly forged?: boolean;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/**
 * A tiny OpenID Connect provider on loopback for tests: a discovery document, a JWKS with an RSA key made
 * for the test, and a token endpoint that checks the client's secret and the PKCE verifier and issues an
 * ID token signed with that key. The test plays the person at the authorization endpoint: it reads the
 * request's parameters and asks for a code (`authorize`).
 */
export async function startOidcTestProvider(client: { id: string; secret: string }) {
  const keys = await generateKeyPair('RS256');
  const forger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Grant & { challenge: string; nonce: string; redirectUri: string }>();
  let issuer = '';
  const tokenRequests: URLSearchParams[] = [];

  const sign = (claims: JWTPayload, key: CryptoKey) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(key);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      tokenRequests.push(form);
      const basic = request.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(request.headers.authorization.slice(6), 'base64')
            .toString()
            .split(':')
            .map(decodeURIComponent)
        : undefined;
      const [id, secret] = basic ?? [form.get('client_id'), form.get('client_secret')];
      if (id !== client.id || secret !== client.secret) return json(401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || form.get('grant_type') !== 'authorization_code' || challenge !== grant.challenge) {
        return json(400, { error: 'invalid_grant' });
      }
      if (form.get('redirect_uri') !== grant.redirectUri) return json(400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      const claims: JWTPayload = {
        iss: issuer,
        aud: client.id,
        sub: grant.subject,
        iat: now,
        exp: now + 300,
        nonce: grant.nonce,
        ...(grant.email === undefined ? {} : { email: grant.email }),
        ...(grant.emailVerified === undefined ? {} : { email_verified: grant.emailVerified }),
        ...grant.override,
      };
      const idToken = await sign(claims, grant.forged ? forger.privateKey : keys.privateKey);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    tokenRequests,
    /** The person approves the authorization request at `location`: a code for the grant, as the provider would. */
    authorize(location: string, grant: Grant): { code: string; state: string; params: URLSearchParams } {
      const params = new URL(location).searchParams;
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        ...grant,
        challenge: params.get('code_challenge') ?? '',
        nonce: params.get('nonce') ?? '',
        redirectUri: params.get('redirect_uri') ?? '',
      });
      return { code, state: params.get('state') ?? '', params };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
