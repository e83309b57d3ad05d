import { execFileSync, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from './bundle-fixture';
import { parseReplyText, requestTimestamp } from './timestamp';
import { verifyBundle } from './verify';
import { readZip, writeZip } from './zip-edit';

const run = promisify(execFile);

/**
 * A local RFC 3161 time-stamping authority: a throw-away CA and TSA certificate made by
 * openssl in a temp dir, and an HTTP server answering each query with `openssl ts -reply`.
 */
function makeTsa(dir: string, name: string) {
	const sh = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
	const caExt = [
		'-addext',
		'basicConstraints=critical,CA:TRUE',
		'-addext',
		'keyUsage=critical,keyCertSign'
	];
	sh(
		'req',
		'-x509',
		...ec,
		'-keyout',
		`${name}-ca.key`,
		'-out',
		`${name}-ca.pem`,
		'-days',
		'2',
		'-subj',
		`/CN=${name} CA`,
		...caExt
	);
	sh(
		'req',
		'-new',
		...ec,
		'-keyout',
		`${name}-tsa.key`,
		'-out',
		`${name}-tsa.csr`,
		'-subj',
		`/CN=${name} TSA`
	);
	writeFileSync(
		join(dir, `${name}-ext.cnf`),
		'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n'
	);
	sh(
		'x509',
		'-req',
		'-in',
		`${name}-tsa.csr`,
		'-CA',
		`${name}-ca.pem`,
		'-CAkey',
		`${name}-ca.key`,
		'-CAcreateserial',
		'-days',
		'2',
		'-extfile',
		`${name}-ext.cnf`,
		'-out',
		`${name}-tsa.pem`
	);
	writeFileSync(join(dir, `${name}-serial`), '01\n');
	writeFileSync(
		join(dir, `${name}-tsa.cnf`),
		[
			'[ tsa ]',
			'default_tsa = tsa_config1',
			'[ tsa_config1 ]',
			`serial = ${join(dir, `${name}-serial`)}`,
			'crypto_device = builtin',
			`signer_cert = ${join(dir, `${name}-tsa.pem`)}`,
			`signer_key = ${join(dir, `${name}-tsa.key`)}`,
			'signer_digest = sha256',
			'default_policy = 1.2.3.4.1',
			'digests = sha256',
			'ess_cert_id_alg = sha256',
			''
		].join('\n')
	);
	return {
		ca: readFileSync(join(dir, `${name}-ca.pem`), 'utf8'),
		config: join(dir, `${name}-tsa.cnf`)
	};
}

let dir: string;
let server: Server;
let url: string;
let tsa: { ca: string; config: string };
let otherCa: string;
let answers = 0;
let refuse = false;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tsa-test-'));
	tsa = makeTsa(dir, 'local');
	otherCa = makeTsa(dir, 'other').ca;
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			if (refuse || req.headers['content-type'] !== 'application/timestamp-query') {
				res.writeHead(503).end();
				return;
			}
			const n = ++answers;
			const query = join(dir, `q${n}.tsq`);
			const reply = join(dir, `r${n}.tsr`);
			writeFileSync(query, Buffer.concat(chunks));
			run('openssl', ['ts', '-reply', '-config', tsa.config, '-queryfile', query, '-out', reply])
				.then(() => {
					res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
					res.end(readFileSync(reply));
				})
				.catch(() => res.writeHead(500).end());
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	url = `http://127.0.0.1:${address.port}/tsa`;
}, 120_000);

afterAll(async () => {
	delete process.env.TSA_URL;
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

describe('RFC 3161 timestamp of the manifest', { timeout: 300_000 }, () => {
	it('asks the TSA with openssl ts -query and checks the imprint of the reply', async () => {
		const reply = await requestTimestamp(Buffer.from('manifest bytes'), url);
		writeFileSync(join(dir, 'one.tsr'), reply);
		const { stdout } = await run('openssl', ['ts', '-reply', '-in', join(dir, 'one.tsr'), '-text']);
		const info = parseReplyText(stdout);
		expect(info).toMatchObject({ granted: true, algorithm: 'sha256' });
		expect(info.imprint).toBe(createHash('sha256').update('manifest bytes').digest('hex'));
		expect(info.time).toMatch(/GMT$/);
	});

	it('TSA round trip: the bundle carries manifest.tsr and verify-bundle checks it with openssl ts -verify', async () => {
		process.env.TSA_URL = url;
		const fixture = await bundleFixture();
		try {
			const path = await fixture.build();
			const files = await readZip(path);
			expect(files.has('manifest.tsr')).toBe(true);

			const pinned = await verifyBundle(path, { tsaCaPem: tsa.ca });
			expect(pinned.failures).toEqual([]);
			expect(pinned.notes.join('\n')).toMatch(
				/timestamp: manifest\.json stamped at .+, verified by openssl ts -verify/
			);

			const unpinned = await verifyBundle(path);
			expect(unpinned.ok).toBe(true);
			expect(unpinned.notes.join('\n')).toContain('TSA certificate not checked');

			const wrongCa = await verifyBundle(path, { tsaCaPem: otherCa });
			expect(wrongCa.failures.join('\n')).toMatch(/manifest\.tsr: openssl ts -verify refuses it/);

			// A genuine timestamp of other bytes does not stamp this manifest.
			files.set('manifest.tsr', await requestTimestamp(Buffer.from('another manifest'), url));
			const swapped = join(fixture.dir, 'swapped.zip');
			await writeZip(swapped, files);
			const report = await verifyBundle(swapped, { tsaCaPem: tsa.ca });
			expect(report.failures.join('\n')).toMatch(
				/manifest\.tsr: stamps sha256 [0-9a-f]{64}, expected sha256 [0-9a-f]{64}/
			);

			// A TSA that refuses does not stop the export: the bundle goes out unstamped.
			refuse = true;
			const unstamped = await fixture.build();
			expect((await readZip(unstamped)).has('manifest.tsr')).toBe(false);
			expect((await verifyBundle(unstamped)).failures).toEqual([]);
		} finally {
			refuse = false;
			delete process.env.TSA_URL;
			fixture.dispose();
		}
	});
});
