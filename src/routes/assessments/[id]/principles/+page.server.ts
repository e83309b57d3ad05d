import { principlesSchema } from '$lib/domain/method/principles';
import { stepActions, stepLoad } from '$lib/server/step-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = stepLoad('principles');
export const actions: Actions = stepActions('principles', principlesSchema);
