import { createSecretKey } from "node:crypto";
import { type JWTPayload, type JWTVerifyOptions, SignJWT, createRemoteJWKSet, jwtVerify } from "jose";

export interface AuthSettings {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Verifies bearer tokens: against the OIDC provider's JWKS when configured, else HS256 with the shared secret. */
export class TokenVerifier {
  private readonly verify: (token: string) => Promise<{ payload: JWTPayload }>;

  constructor(settings: AuthSettings) {
    const options = (algorithms: string[]): JWTVerifyOptions => ({ algorithms, issuer: settings.issuer, audience: settings.audience });
    if (settings.jwksUrl) {
      const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.verify = (token) => jwtVerify(token, keys, options(["RS256", "ES256", "PS256", "EdDSA"]));
    } else if (settings.jwtSecret) {
      // A key object made once: given bytes, jose makes one on every verification.
      const secret = createSecretKey(Buffer.from(settings.jwtSecret, "utf8"));
      this.verify = (token) => jwtVerify(token, secret, options(["HS256"]));
    } else {
      throw new Error("Invalid configuration: AUTH_JWKS_URL or AUTH_JWT_SECRET must be set");
    }
  }

  /** The token's subject, or null when the header is missing, malformed, expired or badly signed. */
  async subjectOf(authorization: string | undefined): Promise<string | null> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization?.trim() ?? "");
    if (!match) return null;
    try {
      const { payload } = await this.verify(match[1]);
      return typeof payload.sub === "string" && payload.sub.length > 0 ? payload.sub : null;
    } catch {
      return null;
    }
  }
}

/** Signs a development token (HS256) for a subject; used by `npm run token` and the tests. */
export async function signDevelopmentToken(
  settings: AuthSettings,
  subject: string,
  expiresIn = "12h",
): Promise<string> {
  if (!settings.jwtSecret) throw new Error("AUTH_JWT_SECRET is needed to sign development tokens");
  const claims: JWTPayload = {};
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject(subject).setIssuedAt().setExpirationTime(expiresIn);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  if (settings.audience) jwt = jwt.setAudience(settings.audience);
  return jwt.sign(new TextEncoder().encode(settings.jwtSecret));
}
