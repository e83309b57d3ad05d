import { error, type ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '$lib/i18n/field-errors';
import { userLabels } from '../assessments';
import type { Db } from '../db';
import type { StaleVersionError, Versioned } from '../versioned';
import { formFail } from './forms';

/**
 * The one answer to a save refused because someone saved first (StaleVersionError): a 409
 * that keeps what the user typed and says which version is now current, by whom and when.
 * Pages render their fields from `values` (or a step's `draft`) and send `conflict.version`
 * back as the version they now have seen, so a second save lands on top of the newer one.
 */

/** What a page says of the newer version. */
export interface Conflict {
	version: number;
	who: string;
	updatedAt: string | null;
}

/** What the user typed: a plain form's values, or a nested draft (method steps). */
export interface Typed<D = unknown> {
	values?: Record<string, string>;
	draft?: D;
}

/** The newer version of a stale row; a row deleted meanwhile answers 404, like any unknown id. */
export function conflictOf(db: Db, current: Versioned | null): Conflict {
	if (!current) error(404, { message: 'not_found' });
	const by = current.updatedBy;
	return {
		version: current.version,
		who: by ? (userLabels(db, [by])[by] ?? '') : '',
		updatedAt: current.updatedAt ?? null
	};
}

/**
 * The 409 of a stale save. `shown` adds what the page shows of the newer row beside the
 * user's text (the overview shows the newer title); `extra` says which form was refused,
 * for pages with several.
 */
export function conflictFail<
	T extends Versioned,
	D = unknown,
	S extends object = Record<never, never>,
	X extends object = Record<never, never>
>(
	db: Db,
	e: StaleVersionError<T>,
	typed: Typed<D>,
	options: { shown?: (current: T) => S; extra?: X } = {}
): ActionFailure<FormFailure & { draft?: D; conflict: Conflict & S } & X> {
	const conflict = conflictOf(db, e.current);
	const shown = e.current && options.shown ? options.shown(e.current) : ({} as S);
	return formFail(409, {}, typed.values ?? {}, {
		...('draft' in typed ? { draft: typed.draft } : {}),
		conflict: { ...conflict, ...shown },
		...(options.extra ?? ({} as X))
	});
}
