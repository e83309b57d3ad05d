import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	type KeyObject
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../db';
import { logEvent } from '../log';

/**
 * The installation's Ed25519 signing key: it signs the manifest of every evidence bundle,
 * so that a bundle can be checked with `openssl` alone. Generated on first use into the
 * data directory (git-ignored, like the database), private key readable by the owner only.
 * Losing it does not invalidate earlier bundles (each carries its public key), but the
 * fingerprint published on the about page then changes: back it up with the database.
 */
export interface SigningKey {
	privateKey: KeyObject;
	/** SubjectPublicKeyInfo, PEM: the `public-key.pem` of every bundle. */
	publicKeyPem: string;
	/** SHA-256 of the public key's DER (SPKI), lowercase hex. */
	fingerprint: string;
}

export const SIGNING_KEY_FILE = 'signing-key.pem';

export function signingKeyPath(dir = dataDir()): string {
	return join(dir, SIGNING_KEY_FILE);
}

/** SHA-256 of the DER (SPKI) of a public key, or of a private key's public half; hex. */
export function publicKeyFingerprint(key: string | KeyObject): string {
	const object = typeof key === 'string' || key.type === 'private' ? createPublicKey(key) : key;
	const der = object.export({ type: 'spki', format: 'der' });
	return createHash('sha256').update(der).digest('hex');
}

/** `ab12 cd34 …`: 16 groups of 4, easy to compare by eye or read over the phone. */
export function groupFingerprint(hex: string): string {
	return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** Accepts a fingerprint as typed (spaces, colons, upper case) → 64 lowercase hex or undefined. */
export function normaliseFingerprint(typed: string): string | undefined {
	const hex = typed.replace(/[\s:]/g, '').toLowerCase();
	return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

function fromPrivatePem(pem: string): SigningKey {
	const privateKey = createPrivateKey(pem);
	if (privateKey.asymmetricKeyType !== 'ed25519') {
		throw new Error(`${SIGNING_KEY_FILE}: not an Ed25519 key`);
	}
	const publicKey = createPublicKey(privateKey);
	return {
		privateKey,
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		fingerprint: publicKeyFingerprint(publicKey)
	};
}

function readOrCreate(path: string): SigningKey {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (stat) {
		if ((stat.mode & 0o077) !== 0) {
			// A restore or a copy may have widened it; the key must stay the owner's alone.
			chmodSync(path, 0o600);
			logEvent('signing_key_mode_fixed', { path });
		}
		return fromPrivatePem(readFileSync(path, 'utf8'));
	}
	const { privateKey } = generateKeyPairSync('ed25519');
	const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
	try {
		// 'wx': if another process created it meanwhile, keep theirs (read below).
		writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
		logEvent('signing_key_created', { path, fingerprint: publicKeyFingerprint(privateKey) });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	}
	return fromPrivatePem(readFileSync(path, 'utf8'));
}

const cache = new Map<string, SigningKey>();

/** The installation key of `dir` (default: the data directory), created on first use. */
export function signingKey(dir = dataDir()): SigningKey {
	const path = signingKeyPath(dir);
	let key = cache.get(path);
	if (!key) {
		key = readOrCreate(path);
		cache.set(path, key);
	}
	return key;
}

/** Raw Ed25519 signature (64 bytes) of `bytes`: what `openssl pkeyutl -sign -rawin` makes. */
export function signBytes(key: SigningKey, bytes: Uint8Array): Buffer {
	return sign(null, bytes, key.privateKey);
}
