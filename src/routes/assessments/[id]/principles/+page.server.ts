import { principlesSchema } from '$lib/domain/method/principles';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('principles');
const extras = stepExtrasLoad('principles');

export const load: PageServerLoad = (event) => ({ ...base(event), ...extras(event) });
export const actions: Actions = {
	...stepActions('principles', principlesSchema),
	...stepExtrasActions('principles')
};
