import { requireUser } from '$lib/server/http/access';
import { getDb } from '$lib/server/db';
import { currentHead } from '$lib/server/audit-states';
import { GENERATOR } from '$lib/server/export/generator';
import { groupFingerprint, signingKey } from '$lib/server/export/signing-key';
import type { PageServerLoad } from './$types';

/** The installation's public key and how to check a bundle with it: any signed-in user. */
export const load: PageServerLoad = (event) => {
	requireUser(event);
	const key = signingKey();
	return {
		generator: GENERATOR,
		publicKeyPem: key.publicKeyPem,
		fingerprint: groupFingerprint(key.fingerprint),
		// To copy off the machine: `audit:verify --head` later detects a deleted tail.
		auditHead: currentHead(getDb().$client),
		commands: {
			signature:
				'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig',
			key: 'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum',
			files:
				'sha256sum -c SHA256SUMS\nsha256sum SHA256SUMS\ngrep -A 2 \'"SHA256SUMS"\' manifest.json',
			tool: `npm run verify-bundle -- bundle.zip --fingerprint "${groupFingerprint(key.fingerprint)}"`
		}
	};
};
