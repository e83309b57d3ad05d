/**
 * Checks an evidence bundle offline: every file's size and SHA-256 against the manifest,
 * no file missing or added, the Ed25519 signature of the manifest, the content hash, and
 * the audit entries (docs/evidence-bundle.md). Exit 0 when it holds, 1 otherwise, 2 on
 * bad usage.
 *
 *   npm run verify-bundle -- <bundle.zip> [--fingerprint <hex>] [--key <public-key.pem>]
 *                            [--tsa-ca <ca.pem>]
 *
 * manifest.tsr, when present (the installation sets TSA_URL), is checked with `openssl ts`;
 * --tsa-ca gives the time-stamping authority's CA certificate for `openssl ts -verify`.
 *
 * Pin the installation key (fingerprint from its "About and verification" page): without
 * it, a forger who re-signs with a key of their own is not detected.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyBundle, type VerifyOptions } from '../src/lib/server/export/verify';

const USAGE =
	'usage: npm run verify-bundle -- <bundle.zip> [--fingerprint <hex>] [--key <public-key.pem>] [--tsa-ca <ca.pem>]';

function options(): { file: string; options: VerifyOptions } {
	try {
		const { values, positionals } = parseArgs({
			allowPositionals: true,
			options: {
				fingerprint: { type: 'string' },
				key: { type: 'string' },
				'tsa-ca': { type: 'string' }
			}
		});
		if (positionals.length !== 1) throw new Error('one bundle file expected');
		return {
			file: positionals[0]!,
			options: {
				pinnedFingerprint: values.fingerprint,
				pinnedKeyPem: values.key ? readFileSync(values.key, 'utf8') : undefined,
				tsaCaPem: values['tsa-ca'] ? readFileSync(values['tsa-ca'], 'utf8') : undefined
			}
		};
	} catch (e) {
		console.error(`verify-bundle: ${(e as Error).message}\n${USAGE}`);
		process.exit(2);
	}
}

const { file, options: pins } = options();
const report = await verifyBundle(file, pins);
for (const note of report.notes) console.log(`  ${note}`);
if (report.ok) {
	console.log(`OK ${file}`);
	process.exit(0);
}
for (const failure of report.failures) console.error(`FAIL ${failure}`);
console.error(`FAILED ${file}: ${report.failures.length} problem(s)`);
process.exit(1);
