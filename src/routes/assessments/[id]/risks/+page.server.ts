import { defineStepPage } from '$lib/server/http/step-page';
import { risksStep } from '$lib/server/http/steps/risks';

export const { load, actions } = defineStepPage(risksStep);
