import { redirectToStepPage } from '$lib/server/http/step-page';

export const load = redirectToStepPage;
