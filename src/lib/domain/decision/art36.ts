/**
 * Prior consultation (GDPR art. 36). The controller consults the supervisory authority
 * before processing when the DPIA shows a high risk that its measures do not bring down
 * (art. 36(1); recital 94). The workbench reads "still high" from the organisation's own
 * matrix: a residual risk at the matrix's top level, or at severity and likelihood both
 * "Importante" (3) or more, which the CNIL method treats as a risk to be avoided or
 * reduced before processing (CNIL, PIA methodology 2018, risk map). An open compliance item
 * also blocks an approval and points to the referral: the processing cannot go ahead
 * without it (art. 35(7)(d), 36(3)(c)).
 *
 * The authority answers within 8 weeks of receiving the request, extendable by 6 weeks for
 * complex processing; the period is suspended while it waits for information it asked for
 * (art. 36(2)).
 */
export interface ResidualFacts {
	id: string;
	title: string;
	severity: number;
	likelihood: number;
}

export type Art36Reason = 'top_level' | 'severe_and_likely' | 'compliance_open';

export interface Art36Trigger {
	reason: Art36Reason;
	/** The risk id, or the compliance item key. */
	ref: string;
	subject: string;
}

/** The highest level of the organisation's matrix (`levels[severity-1][likelihood-1]`). */
export function topLevel(matrix: readonly (readonly number[])[]): number {
	return Math.max(...matrix.flat());
}

export function levelOf(
	matrix: readonly (readonly number[])[],
	severity: number,
	likelihood: number
) {
	return matrix[severity - 1]?.[likelihood - 1] ?? Number.NaN;
}

export function art36Triggers(
	residuals: readonly ResidualFacts[],
	matrix: readonly (readonly number[])[],
	openCompliance: readonly { key: string; subject: string }[] = []
): Art36Trigger[] {
	const top = topLevel(matrix);
	const triggers: Art36Trigger[] = [];
	for (const r of residuals) {
		if (levelOf(matrix, r.severity, r.likelihood) >= top)
			triggers.push({ reason: 'top_level', ref: r.id, subject: r.title });
		else if (r.severity >= 3 && r.likelihood >= 3)
			triggers.push({ reason: 'severe_and_likely', ref: r.id, subject: r.title });
	}
	for (const c of openCompliance)
		triggers.push({ reason: 'compliance_open', ref: c.key, subject: c.subject });
	return triggers;
}

const DAY_MS = 86_400_000;

function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The dates to watch once the request is sent (art. 36(2)): 8 weeks, at most 8 + 6. */
export function cnilDeadlines(sentOn: string): { answerDue: string; extendedDue: string } {
	return { answerDue: addDays(sentOn, 8 * 7), extendedDue: addDays(sentOn, 14 * 7) };
}
