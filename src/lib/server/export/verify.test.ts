import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { copyFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, type AuditEntry } from '$lib/domain/audit-chain';
import { bundleFixture } from './bundle-fixture';
import type { Manifest } from './bundle-format';
import { signBytes } from './signing-key';
import { verifyBundle } from './verify';
import { flipStoredByte, readZip, reseal, writeZip } from './zip-edit';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('offline bundle verifier', () => {
	let fx: Awaited<ReturnType<typeof bundleFixture>>;
	let genuine: string;
	let n = 0;
	const copy = () => {
		const path = join(fx.dir, `case-${++n}.zip`);
		copyFileSync(genuine, path);
		return path;
	};
	/** Rewrites the bundle with `edit` applied to its files. */
	async function tampered(edit: (files: Map<string, Buffer>) => void) {
		const files = await readZip(genuine);
		edit(files);
		const path = join(fx.dir, `case-${++n}.zip`);
		await writeZip(path, files);
		return path;
	}

	beforeAll(async () => {
		fx = await bundleFixture();
		genuine = await fx.build();
	});
	afterAll(() => fx.dispose());

	it('accepts a genuine bundle, and with the installation key pinned', async () => {
		const report = await verifyBundle(genuine);
		expect(report.failures).toEqual([]);
		expect(report.ok).toBe(true);
		expect(report.notes.join('\n')).toMatch(/signature of manifest.json: valid/);
		expect(report.notes.join('\n')).toMatch(/last entry is the chain head/);
		expect((await verifyBundle(genuine, { pinnedFingerprint: fx.key.fingerprint })).ok).toBe(true);
		expect((await verifyBundle(genuine, { pinnedKeyPem: fx.key.publicKeyPem })).ok).toBe(true);
	});

	it('names report.pdf, with expected and found hash, when one of its bytes is flipped', async () => {
		const path = copy();
		const expected = sha256((await readZip(genuine)).get('report.pdf')!);
		await flipStoredByte(path, 'report.pdf', 10);
		const found = sha256((await readZip(path)).get('report.pdf')!);
		const report = await verifyBundle(path);
		expect(report.ok).toBe(false);
		expect(report.failures).toEqual([`report.pdf: sha256 expected ${expected}, found ${found}`]);
	});

	it('refuses a consistently rebuilt manifest signed with another key', async () => {
		const other = generateKeyPairSync('ed25519');
		const path = await tampered((files) => {
			files.set('report.pdf', Buffer.from('%PDF-1.4\n% a different report\n'));
			const manifest = reseal(files);
			files.set('manifest.json', manifest);
			files.set('manifest.sig', sign(null, manifest, other.privateKey));
		});
		const report = await verifyBundle(path);
		expect(report.ok).toBe(false);
		expect(report.failures).toEqual([
			'manifest.sig: signature of manifest.json does not verify with public-key.pem'
		]);
	});

	it('catches a forger who also swaps the public key only when the key is pinned', async () => {
		const other = generateKeyPairSync('ed25519');
		const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const otherFp = sha256(other.publicKey.export({ type: 'spki', format: 'der' }));
		const path = await tampered((files) => {
			files.set('report.pdf', Buffer.from('%PDF-1.4\n% a different report\n'));
			const m = JSON.parse(reseal(files).toString()) as Manifest;
			m.signature.publicKeyFingerprint = otherFp;
			const manifest = Buffer.from(JSON.stringify(m, null, 2) + '\n');
			files.set('manifest.json', manifest);
			files.set('manifest.sig', sign(null, manifest, other.privateKey));
			files.set('public-key.pem', Buffer.from(otherPem));
		});
		// The documented limit: a self-consistent forgery passes without a pinned key.
		expect((await verifyBundle(path)).ok).toBe(true);
		const pinned = await verifyBundle(path, { pinnedFingerprint: fx.key.fingerprint });
		expect(pinned.failures).toEqual([
			`public-key.pem: not the installation key (fingerprint expected ${fx.key.fingerprint}, found ${otherFp})`
		]);
		const grouped = fx.key.fingerprint.match(/.{4}/g)!.join(' ').toUpperCase();
		expect((await verifyBundle(path, { pinnedFingerprint: grouped })).ok).toBe(false);
		expect((await verifyBundle(path, { pinnedKeyPem: fx.key.publicKeyPem })).ok).toBe(false);
	});

	it('refuses an extra file that the manifest does not list', async () => {
		const path = await tampered((files) => files.set('attachments/zz-ajout.pdf', Buffer.from('x')));
		expect((await verifyBundle(path)).failures).toEqual([
			'attachments/zz-ajout.pdf: extra file, not in manifest.json'
		]);
	});

	it('reports a missing file', async () => {
		let removed = '';
		const path = await tampered((files) => {
			removed = [...files.keys()].find((k) => k.endsWith('capture.png'))!;
			files.delete(removed);
		});
		expect((await verifyBundle(path)).failures).toEqual([
			`${removed}: missing (listed in manifest.json)`
		]);
	});

	it('says a truncated or non-ZIP file is not a bundle', async () => {
		const truncated = copy();
		truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
		const cut = await verifyBundle(truncated);
		expect(cut.ok).toBe(false);
		expect(cut.failures).toHaveLength(1);
		expect(cut.failures[0]).toMatch(/not a ZIP file, or truncated/);

		const text = join(fx.dir, 'notes.zip');
		writeFileSync(text, 'Ceci n’est pas une archive.\n');
		expect((await verifyBundle(text)).failures[0]).toMatch(/not a ZIP file, or truncated/);
		expect((await verifyBundle(join(fx.dir, 'absent.zip'))).ok).toBe(false);
	});

	it('recomputes audit entries and the content hash even under a valid signature', async () => {
		// With the installation key itself (an insider), the signature holds: the hashes
		// inside the files still tell the edit.
		const path = await tampered((files) => {
			const lines = files.get('audit-log.jsonl')!.toString('utf8').trimEnd().split('\n');
			// The fixture's two uploads and the export, written one after the other: consecutive
			// in the chain (the line after them is the chain head).
			const at = lines.length - 4;
			const entries = lines.slice(at, at + 3).map((l) => JSON.parse(l) as AuditEntry);
			expect(entries.map((e) => e.seq - entries[0]!.seq)).toEqual([0, 1, 2]);
			entries[0]!.summary = 'rewritten';
			// A careful forger recomputes the entry hash too: the chain link then breaks.
			entries[1]!.summary = 'rewritten';
			entries[1]!.entryHash = entryHash(entries[1]!);
			lines[at] = JSON.stringify(entries[0]);
			lines[at + 1] = JSON.stringify(entries[1]);
			files.set('audit-log.jsonl', Buffer.from(lines.join('\n') + '\n'));
			const a = JSON.parse(files.get('assessment.json')!.toString()) as {
				content: { title: string };
			};
			a.content.title = 'Autre titre';
			files.set('assessment.json', Buffer.from(JSON.stringify(a, null, 2)));
			const manifest = reseal(files);
			files.set('manifest.json', manifest);
			files.set('manifest.sig', signBytes(fx.key, manifest));
		});
		const failures = (await verifyBundle(path)).failures.join('\n');
		expect(failures).toMatch(
			/assessment.json: contentHash expected [0-9a-f]{64}, found [0-9a-f]{64}/
		);
		expect(failures).toMatch(
			/audit-log.jsonl line \d+: seq \d+: entry hash expected [0-9a-f]{64}, found/
		);
		expect(failures).toMatch(
			/audit-log.jsonl line \d+: seq \d+: chain hash expected [0-9a-f]{64}, found/
		);
		expect(failures.split('\n')).toHaveLength(3);
	});

	it('binds each attachment to the hash recorded in the signed content', async () => {
		const path = await tampered((files) => {
			const name = [...files.keys()].find((k) => k.endsWith('.csv'))!;
			files.set(name, Buffer.from('agenda;créneaux\nautre;1\n'));
			const manifest = reseal(files);
			files.set('manifest.json', manifest);
			files.set('manifest.sig', signBytes(fx.key, manifest));
		});
		const failures = (await verifyBundle(path)).failures;
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatch(/\.csv: sha256 expected [0-9a-f]{64} \(content\), found/);
	});
});
