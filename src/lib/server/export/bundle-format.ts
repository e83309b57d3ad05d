/**
 * The evidence bundle's fixed names and manifest shape, shared by the writer (bundle.ts)
 * and the offline verifier (verify.ts). docs/evidence-bundle.md describes the same.
 */
export const BUNDLE_FORMAT = 'dpia-workbench/evidence-bundle@1';

export const FILES = {
	report: 'report.pdf',
	assessment: 'assessment.json',
	auditLog: 'audit-log.jsonl',
	readme: 'VERIFY.md',
	checksums: 'SHA256SUMS',
	publicKey: 'public-key.pem',
	manifest: 'manifest.json',
	signature: 'manifest.sig',
	/** Optional: RFC 3161 timestamp of manifest.json, when the installation sets TSA_URL. */
	timestamp: 'manifest.tsr'
} as const;

export const ATTACHMENTS_DIR = 'attachments/';

/** Files that the manifest does not list: itself, its signature, the key that checks it,
 * and the optional timestamp of it. */
export const UNLISTED: readonly string[] = [
	FILES.manifest,
	FILES.signature,
	FILES.publicKey,
	FILES.timestamp
];

export interface ManifestFile {
	path: string;
	size: number;
	sha256: string;
}

export interface ChainHead {
	seq: number;
	chainHash: string;
}

export interface Manifest {
	format: typeof BUNDLE_FORMAT;
	assessmentId: string;
	versionNumber: number;
	contentHash: string;
	generatedAt: string;
	generator: { name: string; version: string };
	locale: 'fr' | 'en';
	signature: { algorithm: 'Ed25519'; publicKeyFingerprint: string };
	/** The whole log's last entry when the bundle was made (this export's own entry). */
	auditLog: { entries: number; chainHead: ChainHead };
	files: ManifestFile[];
}

/**
 * `<id>-<name>` with the name reduced to portable ASCII (accents dropped, anything else
 * `_`), so every unzip tool and `sha256sum -c` on every system sees the same path.
 */
export function attachmentPath(id: string, name: string): string {
	const ascii = name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.replace(/^[._]+/, '')
		.slice(-100);
	return `${ATTACHMENTS_DIR}${id}-${ascii || 'file'}`;
}

/** `aipd-<title>-v<N>-<YYYY-MM-DD>.<ext>`, for Content-Disposition. */
export function exportFileName(
	title: string,
	versionNumber: number,
	at: Date,
	extension: string
): string {
	const slug =
		title
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'analyse';
	return `aipd-${slug}-v${versionNumber}-${at.toISOString().slice(0, 10)}.${extension}`;
}
