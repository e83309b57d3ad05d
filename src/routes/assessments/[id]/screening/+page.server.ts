import { screeningSchema } from '$lib/domain/method/screening';
import { stepActions, stepLoad } from '$lib/server/step-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = stepLoad('screening');
export const actions: Actions = stepActions('screening', screeningSchema);
