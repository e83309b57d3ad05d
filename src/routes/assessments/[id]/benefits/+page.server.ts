import { z } from 'zod';
import { benefitsSchema } from '$lib/domain/method/benefits';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import { fillNewBenefits } from '../risks/fill';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('benefits');
const extras = stepExtrasLoad('benefits');

export const load: PageServerLoad = (event) => ({ ...base(event), ...extras(event) });

const schemaFor = (locale: 'fr' | 'en') =>
	z.preprocess((draft) => fillNewBenefits(draft, locale), benefitsSchema);

export const actions: Actions = {
	...stepActions('benefits', benefitsSchema),
	save: (event) => stepActions('benefits', schemaFor(event.locals.locale)).save(event),
	...stepExtrasActions('benefits')
};
