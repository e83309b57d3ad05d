import { contextSchema } from '$lib/domain/method/context';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('context');
const extras = stepExtrasLoad('context');

export const load: PageServerLoad = (event) => ({ ...base(event), ...extras(event) });
export const actions: Actions = {
	...stepActions('context', contextSchema),
	...stepExtrasActions('context')
};
