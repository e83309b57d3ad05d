import {
	CLAUSE_STATUSES,
	PROCESSOR_CLAUSE_KEYS,
	type ClauseStatus,
	type ProcessorClauseKey
} from '$lib/domain/knowledge/processor-clauses';
import { RIGHT_KEYS, type RightKey } from '$lib/domain/knowledge/principles-vocabulary';
import type { ProcessorContract } from '$lib/domain/method/principles';
import type { FieldError } from '$lib/i18n/field-errors';

/**
 * What the page renders: the stored step, or after a refused save the draft exactly as the
 * server parsed it (strings, booleans, possibly missing or invalid values). Everything is
 * read defensively so that a draft never breaks the page.
 */
export type Errors = Record<string, FieldError>;
type Loose = Record<string, unknown>;

export interface MinimisationView {
	field: string;
	needed: boolean;
	why: string;
}
export interface RetentionView {
	category: string;
	period: string;
	justification: string;
	/** Carried through the form so that a save keeps it (it is never printed in the notice). */
	internalNote: string;
}
export interface ClauseView {
	/** '' when nothing (valid) was chosen: no radio is checked and the error says why. */
	status: ClauseStatus | '';
	evidence: string;
}
export interface TransferView {
	recipient: string;
	country: string;
	mechanism: string;
	supplementaryMeasures: string;
	thirdCountryLaw: string;
	conclusion: string;
	outcome: string;
}
export interface PrinciplesView {
	minimisation: MinimisationView[];
	accuracy: string;
	retention: RetentionView[];
	rights: Record<RightKey, string> & { internalNote: string };
	processorContract: Record<ProcessorClauseKey, ClauseView>;
	transfers: TransferView[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);

function isClauseStatus(v: unknown): v is ClauseStatus {
	return (CLAUSE_STATUSES as readonly unknown[]).includes(v);
}

export function toView(source: unknown): PrinciplesView {
	const s = obj(source);
	const rights = obj(s.rights);
	const contract = obj(s.processorContract);
	// A step never saved starts with every clause "missing", like emptyProcessorContract().
	const fresh = s.processorContract === undefined;
	return {
		minimisation: list(s.minimisation).map((r) => ({
			field: str(r.field),
			needed: r.needed === true,
			why: str(r.why)
		})),
		accuracy: str(s.accuracy),
		retention: list(s.retention).map((r) => ({
			category: str(r.category),
			period: str(r.period),
			justification: str(r.justification),
			internalNote: str(r.internalNote)
		})),
		rights: {
			...(Object.fromEntries(RIGHT_KEYS.map((k) => [k, str(rights[k])])) as Record<
				RightKey,
				string
			>),
			internalNote: str(rights.internalNote)
		},
		processorContract: Object.fromEntries(
			PROCESSOR_CLAUSE_KEYS.map((k) => {
				const c = obj(contract[k]);
				const status = isClauseStatus(c.status) ? c.status : fresh ? 'missing' : '';
				return [k, { status, evidence: str(c.evidence) }];
			})
		) as Record<ProcessorClauseKey, ClauseView>,
		transfers: list(s.transfers).map((r) => ({
			recipient: str(r.recipient),
			country: str(r.country),
			mechanism: str(r.mechanism),
			supplementaryMeasures: str(r.supplementaryMeasures),
			thirdCountryLaw: str(r.thirdCountryLaw),
			conclusion: str(r.conclusion),
			outcome: str(r.outcome)
		}))
	};
}

/** The checklist as contractGaps() expects it; a clause without a valid status is a gap. */
export function asContract(view: PrinciplesView['processorContract']): ProcessorContract {
	return Object.fromEntries(
		PROCESSOR_CLAUSE_KEYS.map((k) => [
			k,
			{ status: view[k].status || 'missing', evidence: view[k].evidence }
		])
	) as ProcessorContract;
}

/** Existing rows, then `blank` empty ones to add entries (blank rows are dropped on save). */
export function withBlankRows<T>(
	rows: T[],
	blank: T,
	count = 2
): Array<{ row: T; isNew: boolean }> {
	return [
		...rows.map((row) => ({ row, isNew: false })),
		...Array.from({ length: count }, () => ({ row: blank, isNew: true }))
	];
}

/** aria-describedby from the ids that apply, or nothing. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
	const joined = ids.filter(Boolean).join(' ');
	return joined || undefined;
}
