import type { SizeProblem } from '$lib/domain/method/size-caps';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Megabytes with one decimal, as the reader writes numbers (1,5 Mo / 1.5 MB). */
function megabytes(bytes: number): string {
	return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(
		bytes / (1024 * 1024)
	);
}

/** Why a save was refused for its size, with the size reached and the cap. */
export function sizeProblemText(problem: SizeProblem): string {
	const values = { size: megabytes(problem.bytes), max: megabytes(problem.max) };
	return problem.scope === 'step'
		? m.exports_too_large_step(values)
		: m.exports_too_large_assessment(values);
}
