import { defineStepPage } from '$lib/server/http/step-page';
import { motifsStep } from '$lib/server/http/steps/motifs';

export const { load, actions } = defineStepPage(motifsStep);
