import { error } from '@sveltejs/kit';

/**
 * A request body that cannot be read as a form (a cut or malformed multipart, text/plain,
 * which SvelteKit lets through to actions) is the client's mistake: 400, never a 500 from
 * the TypeError that `formData()` throws. Applied once to every request (hooks.server.ts),
 * and to its clones, so that no action has to remember it.
 */
/**
 * NUL characters are dropped from every field: no DPIA text means one, and SQLite's
 * `length()` stops at the first NUL, so a value starting with one would pass the form's
 * checks yet fail the table's length constraint (a 500 the fuzzer found).
 */
function withoutNul(form: FormData): FormData {
	let clean: FormData | null = null;
	for (const [key, value] of form) {
		if (key.includes('\0') || (typeof value === 'string' && value.includes('\0'))) {
			clean = new FormData();
			break;
		}
	}
	if (!clean) return form;
	for (const [key, value] of form) {
		const name = key.replaceAll('\0', '');
		if (typeof value === 'string') clean.append(name, value.replaceAll('\0', ''));
		else clean.append(name, value);
	}
	return clean;
}

export function tolerantFormData(request: Request): Request {
	const formData = request.formData.bind(request);
	const clone = request.clone.bind(request);
	return Object.assign(request, {
		formData: async () => {
			// A body read twice is a programming error: left to fail loudly.
			if (request.bodyUsed) return formData();
			try {
				return withoutNul(await formData());
			} catch (e) {
				if (e instanceof TypeError) error(400, { message: 'bad_form' });
				throw e;
			}
		},
		clone: () => tolerantFormData(clone())
	});
}
