// Random tokens and their hashes: only hashes are ever stored.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeBase64urlNoPadding } from '@oslojs/encoding';

/** 32 random bytes, base64url: for magic links and handoff tokens. */
export function generateLinkToken(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

/** 24 characters of base32 (120 bits): Lucia's session id and secret. */
export function generateSecureRandomString(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

export function hashToken(token: string): Uint8Array {
  return sha256(new TextEncoder().encode(token));
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && constantTimeEqual(a, b);
}
