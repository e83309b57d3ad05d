/**
 * The CPU-bound half of a CNIL PIA import, run in a worker thread (../worker-run.ts):
 * decoding, JSON parsing, validation, the mapping onto workbench steps and the check of
 * the steps against their schemas. The database write stays on the main thread, in one
 * transaction. Relative imports of pure modules only: the worker loads this module alone.
 */
import { defineTask } from '../worker-run';
import { contextSchema } from '../../domain/method/context';
import { principlesSchema } from '../../domain/method/principles';
import { risksSchema } from '../../domain/method/risks';
import type { Locale } from '../../domain/knowledge/localized';
import {
	ImportLimitError,
	parseCnilPia,
	planImport,
	type CnilPiaProblem,
	type ImportPlan,
	type ImportedStep
} from '../../domain/interop/cnil-pia';

export type PlanInput = { bytes: Uint8Array; locale: Locale };

export type PlanOutcome =
	| {
			ok: true;
			plan: ImportPlan;
			/** Each imported step's content, as its schema parsed it. */
			data: Record<ImportedStep, unknown>;
	  }
	| { ok: false; problem: CnilPiaProblem };

/** Decodes strict UTF-8 (a BOM is dropped by the parser); a binary file is "not JSON". */
function decode(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

export function planFromBytes({ bytes, locale }: PlanInput): PlanOutcome {
	const text = decode(bytes);
	if (text === null) return { ok: false, problem: { code: 'not_json' } };
	const parsed = parseCnilPia(text);
	if (!parsed.ok) return parsed;
	let plan: ImportPlan;
	try {
		plan = planImport(parsed.file, locale);
	} catch (e) {
		if (e instanceof ImportLimitError) return { ok: false, problem: e.problem };
		throw e;
	}
	// The plan is built to fit the schemas; parsing again guards the invariant at the door.
	const data: Record<ImportedStep, unknown> = {
		context: contextSchema.parse(plan.steps.context),
		principles: principlesSchema.parse(plan.steps.principles),
		risks: risksSchema.parse(plan.steps.risks)
	};
	return { ok: true, plan, data };
}

export const planTask = defineTask('cnil-pia-plan', import.meta.url, planFromBytes);
