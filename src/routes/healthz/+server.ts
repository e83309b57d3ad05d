import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	try {
		const row = getDb().$client.prepare('SELECT 1 AS ok').get() as { ok: number } | undefined;
		if (row?.ok !== 1) throw new Error('unexpected answer');
		return json({ status: 'ok' });
	} catch {
		return json({ status: 'error', detail: 'database unavailable' }, { status: 503 });
	}
};
