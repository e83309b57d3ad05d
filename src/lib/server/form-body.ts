import { error } from '@sveltejs/kit';

/**
 * A request body that cannot be read as a form (a cut or malformed multipart, text/plain,
 * which SvelteKit lets through to actions) is the client's mistake: 400, never a 500 from
 * the TypeError that `formData()` throws. Applied once to every request (hooks.server.ts),
 * and to its clones, so that no action has to remember it.
 */
export function tolerantFormData(request: Request): Request {
	const formData = request.formData.bind(request);
	const clone = request.clone.bind(request);
	return Object.assign(request, {
		formData: async () => {
			// A body read twice is a programming error: left to fail loudly.
			if (request.bodyUsed) return formData();
			try {
				return await formData();
			} catch (e) {
				if (e instanceof TypeError) error(400, { message: 'bad_form' });
				throw e;
			}
		},
		clone: () => tolerantFormData(clone())
	});
}
