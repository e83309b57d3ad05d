import { m } from '$lib/paraglide/messages';
import type { ImportProblem } from '$lib/domain/interop/cnil-pia';

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Why a CNIL PIA file was refused, in words: the import page and an update's import. */
export function importProblemText(problem: ImportProblem): string {
	const details = 'details' in problem ? problem.details.join(', ') : '';
	switch (problem.code) {
		case 'no_file':
			return m.interop_error_no_file();
		case 'too_large':
			return m.interop_error_too_large({ max: megabytes(problem.max) });
		case 'not_json':
			return m.interop_error_not_json();
		case 'not_pia':
			return m.interop_error_not_pia({ fields: details });
		case 'invalid':
			return m.interop_error_invalid({ details });
		case 'unknown_questions':
			return m.interop_error_unknown_questions({ details });
		case 'duplicate_answers':
			return m.interop_error_duplicate_answers({ details });
		case 'text_too_long':
			return m.interop_error_text_too_long({ details, max: problem.max });
		case 'too_many_notes':
			return m.interop_error_too_many_notes({ count: problem.count, max: problem.max });
		case 'too_complex':
			return m.interop_error_too_complex();
	}
}
