import { contextSchema } from '$lib/domain/method/context';
import { stepActions, stepLoad } from '$lib/server/step-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = stepLoad('context');
export const actions: Actions = stepActions('context', contextSchema);
