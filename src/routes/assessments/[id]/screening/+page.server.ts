import { screeningSchema } from '$lib/domain/method/screening';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('screening');
const extras = stepExtrasLoad('screening');

export const load: PageServerLoad = (event) => ({ ...base(event), ...extras(event) });
export const actions: Actions = {
	...stepActions('screening', screeningSchema),
	...stepExtrasActions('screening')
};
