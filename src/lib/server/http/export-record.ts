import { error } from '@sveltejs/kit';
import type { Assessment } from '../db/schema';
import type { Db } from '../db';
import { loadRecord, type AssessmentRecord } from '../record';

/**
 * The record an export asks for: `?version=N` for a frozen earlier version, else the
 * working one. A malformed number is 400; a version that does not exist is 404.
 */
export function exportRecord(db: Db, assessment: Assessment, url: URL): AssessmentRecord {
	const raw = url.searchParams.get('version');
	let version: number | undefined;
	if (raw !== null) {
		if (!/^[1-9][0-9]{0,5}$/.test(raw)) error(400, { message: 'bad_version' });
		version = Number(raw);
	}
	const record = loadRecord(db, assessment.id, version);
	if (!record) error(404, { message: 'not_found' });
	return record;
}
