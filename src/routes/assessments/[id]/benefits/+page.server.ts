import { benefitsStep } from '$lib/domain/method/step-defs';
import { defineStepPage } from '$lib/server/http/step-page';

export const { load, actions } = defineStepPage(benefitsStep);
