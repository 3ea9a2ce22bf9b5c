/**
 * A local token issuer standing in for Entra ID / the Bot Framework: an RSA
 * key whose public half the fake connector serves as a JWKS, and RS256 tokens
 * signed with it, shaped as Teams' are (audience = the bot's app id). With
 * TEAMS_AUTHORITY_URL pointed at the fake connector, the SDK's JWT
 * middleware fetches these keys and verifies the tokens for real.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface LocalIssuer {
  /** The `iss` Muster accepts for this tenant: `<authority>/<tenant>/v2.0`. */
  issuer: string;
  jwks: { keys: Record<string, unknown>[] };
  /** A token for `claims` (aud, iss, exp… default to a valid one). */
  sign(claims?: Record<string, unknown>, key?: KeyObject): string;
  /** A key the JWKS does not hold, to forge tokens with. */
  otherKey: KeyObject;
}

const KID = 'muster-test-key';

export function localIssuer(authorityUrl: string, tenant: string, appId: string): LocalIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const issuer = `${authorityUrl.replace(/\/+$/, '')}/${tenant}/v2.0`;
  return {
    issuer,
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] },
    otherKey: other,
    sign(claims = {}, key = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', kid: KID };
      const payload = { iss: issuer, aud: appId, iat: now, nbf: now, exp: now + 600, ...claims };
      const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const unsigned = `${encode(header)}.${encode(payload)}`;
      const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
      return `${unsigned}.${signature}`;
    },
  };
}
