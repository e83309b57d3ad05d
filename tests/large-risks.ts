/** A risks step of 200 risks with long texts, posted as the step's own form would. */
import { expect } from '@playwright/test';
import { demoIds, type Session } from './matrix-helpers';
import { unique } from './helpers';

const RISKS = 200;
const long = (label: string, n: number) =>
	`${label} : ${'chiffrement des données de santé au repos et en transit, revue des habilitations, '.repeat(n)}`;

/** The risks step's form (RiskBlock.svelte's field names) with 200 risks and long texts. */
export function largeRisksForm(
	version: string,
	description = long('Description', 30)
): Record<string, string> {
	const form: Record<string, string> = { version };
	for (let i = 0; i < RISKS; i++) {
		const p = `risks.${i}`;
		Object.assign(form, {
			[`${p}.id`]: `bench-${i}`,
			[`${p}.catalogueKey`]: 'custom',
			[`o:${p}.category`]: 'confidentiality',
			[`${p}.title`]: `Risque volumineux ${i + 1}`,
			[`${p}.description`]: description,
			[`l:${p}.sources`]: 'Attaquant externe\nPrestataire',
			[`l:${p}.threats`]: 'Fuite de données\nAccès illégitime',
			[`l:${p}.impacts`]: 'Atteinte au secret médical',
			[`n:${p}.severity`]: '3',
			[`n:${p}.likelihood`]: '3',
			[`${p}.justification`]: long('Justification', 15),
			[`n:${p}.residualSeverity`]: '2',
			[`n:${p}.residualLikelihood`]: '2',
			[`${p}.residualReason`]: long('Motif', 5)
		});
		for (let j = 0; j < 2; j++) {
			const q = `${p}.measures.${j}`;
			Object.assign(form, {
				[`${q}.id`]: `bench-${i}-${j}`,
				[`${q}.title`]: long(`Mesure ${j + 1}`, 3),
				[`o:${q}.kind`]: 'technical',
				[`o:${q}.state`]: 'existing',
				[`${q}.owner`]: '',
				[`${q}.dueDate`]: '',
				[`o:${q}.status`]: 'done'
			});
		}
	}
	return form;
}

/** A new assessment from the booking template, created by the session's user. */
export async function newAssessment(s: Session, title: string): Promise<string> {
	const created = await s.api.post('/assessments/new', {
		form: { orgId: demoIds().orgId, template: 'booking', title: unique(title), description: '' },
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	return created.headers()['location']!.split('/')[2]!;
}

/** The version the step's form would send back. */
export async function stepVersion(s: Session, id: string, step: string): Promise<string> {
	const page = await (await s.api.get(`/assessments/${id}/${step}`)).text();
	const version = /name="version" value="(\d+)"/.exec(page)?.[1];
	expect(version).toBeDefined();
	return version!;
}
