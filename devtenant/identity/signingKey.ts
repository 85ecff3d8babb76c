// The issuer's RS256 key, kept in the data directory so tokens survive a restart.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Imported once: every Graph call the tenant answers verifies its token with it. */
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** The key in `fileName` under `dataDir`, made on first use; the Bot Framework channel keeps its own. */
export async function loadOrCreateKey(dataDir: string, fileName = 'signing-key.json'): Promise<SigningKey> {
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { kid: string; privateJwk: JWK; publicJwk: JWK };
    return {
      kid: saved.kid,
      privateKey: (await importJWK(saved.privateJwk, 'RS256')) as CryptoKey,
      publicKey: (await importJWK(saved.publicJwk, 'RS256')) as CryptoKey,
      publicJwk: saved.publicJwk,
    };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const kid = randomUUID().replace(/-/g, '').slice(0, 27);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  writeFileSync(file, JSON.stringify({ kid, privateJwk, publicJwk }), { mode: 0o600 });
  return { kid, privateKey, publicKey, publicJwk };
}
