import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 80 random bits in base32: unguessable in URLs, short enough to read aloud. */
export function newId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
