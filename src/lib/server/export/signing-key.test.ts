import { createPublicKey, verify } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import {
	groupFingerprint,
	normaliseFingerprint,
	publicKeyFingerprint,
	signBytes,
	signingKey,
	signingKeyPath
} from './signing-key';

const dirs: string[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'workbench-key-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

it('creates an Ed25519 key on first use, private file readable by the owner only', () => {
	const dir = freshDir();
	const key = signingKey(dir);
	const path = signingKeyPath(dir);
	expect(statSync(path).mode & 0o777).toBe(0o600);
	expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
	expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
	expect(createPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
	const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
	expect(der).toHaveLength(44);
	expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
	expect(publicKeyFingerprint(key.publicKeyPem)).toBe(key.fingerprint);
	const sig = signBytes(key, Buffer.from('manifest'));
	expect(verify(null, Buffer.from('manifest'), key.publicKeyPem, sig)).toBe(true);
});

it('keeps the same key across restarts and narrows a widened file mode', async () => {
	const dir = freshDir();
	const first = signingKey(dir);
	chmodSync(signingKeyPath(dir), 0o644);
	// A fresh module instance: nothing cached, as after a restart.
	vi.resetModules();
	const second = (await import('./signing-key')).signingKey(dir);
	expect(second.fingerprint).toBe(first.fingerprint);
	expect(statSync(signingKeyPath(dir)).mode & 0o777).toBe(0o600);
	expect(signingKey(freshDir()).fingerprint).not.toBe(first.fingerprint);
});

it('shows and accepts fingerprints as people type them', () => {
	const hex = 'ab'.repeat(32);
	expect(groupFingerprint(hex)).toBe(Array(16).fill('abab').join(' '));
	expect(normaliseFingerprint(groupFingerprint(hex).toUpperCase())).toBe(hex);
	expect(normaliseFingerprint('AB:'.repeat(31) + 'AB')).toBe(hex);
	expect(normaliseFingerprint('abc')).toBeUndefined();
});
