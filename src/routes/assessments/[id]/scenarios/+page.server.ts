import { defineStepPage } from '$lib/server/http/step-page';
import { scenariosStep } from '$lib/server/http/steps/scenarios';

export const { load, actions } = defineStepPage(scenariosStep);
