import { describe, expect, it } from 'vitest';
import { stepSchemas, CONTENT_STEP_KEYS, isContentStepKey } from '../method';
import { contractGaps } from '../method/principles';
import { screen } from '../method/screening';
import { sensitiveOnline, warningsFor } from '../method/motifs';
import { bookingTemplate, BOOKING_TEMPLATE_NAME } from './booking-template';
import { LOCALES } from './localized';
import { isEeaCountry } from './countries';

describe('bookingTemplate', () => {
	it('has the exact demo titles', () => {
		expect(bookingTemplate('fr').title).toBe(
			'Prise de rendez-vous en ligne — services pilotes gynécologie-obstétrique et pédiatrie'
		);
		expect(bookingTemplate('en').title).toBe(
			'Online appointment booking — pilot services obstetrics-gynaecology and paediatrics'
		);
		expect(BOOKING_TEMPLATE_NAME).toEqual({
			fr: 'Déploiement de la prise de rendez-vous en ligne',
			en: 'Online appointment booking rollout'
		});
	});

	it.each(LOCALES)('gives a draft in which every step parses with its schema (%s)', (locale) => {
		const template = bookingTemplate(locale);
		expect(Object.keys(template.steps).sort()).toEqual([...CONTENT_STEP_KEYS].sort());
		for (const key of CONTENT_STEP_KEYS) {
			const parsed = stepSchemas[key].safeParse(template.steps[key]);
			expect(parsed.error?.issues ?? [], key).toEqual([]);
			// Parsing must not alter the draft: what the user sees is what is stored.
			expect(parsed.data).toEqual(template.steps[key]);
		}
	});

	it.each(LOCALES)('makes the DPIA required on both grounds (%s)', (locale) => {
		const { screening } = bookingTemplate(locale).steps;
		expect(screen(screening)).toEqual({
			required: true,
			met: ['sensitive_data', 'large_scale', 'matching_datasets', 'vulnerable_subjects'],
			reason: 'cnil_list'
		});
	});

	it('describes the vendor generically and leaves the host country to confirm', () => {
		const { actors } = bookingTemplate('fr').steps.context;
		const processor = actors.find((actor) => actor.role === 'processor');
		expect(processor?.name).toBe('Éditeur de la solution de prise de rendez-vous');
		const host = actors.find((actor) => actor.role === 'sub_processor');
		expect(host?.country).toBe('');
		expect(host?.hdsCertified).toBe('yes');
		expect(host?.keysHeldBy).toContain('HSM');
		expect(actors.map((actor) => actor.role)).toContain('controller');
	});

	it('inventories the history fields requested by the vendor', () => {
		const { dataInventory } = bookingTemplate('en').steps.context;
		const history = dataInventory.find((row) => row.category.includes('History'));
		expect(history?.fields).toEqual([
			'IPP',
			'Last name',
			'First name',
			'Birth date',
			'Mobile',
			'E-mail',
			'Schedule',
			'Reason'
		]);
		expect(history?.sensitive).toBe(true);
		expect(history?.source).toContain('2 years');
	});

	it('states the retention facts', () => {
		const text = JSON.stringify(bookingTemplate('en').steps.principles.retention);
		for (const fact of [
			'20 years',
			'age 28',
			'3 years of inactivity',
			'6 months',
			'3 months after the appointment'
		]) {
			expect(text).toContain(fact);
		}
	});

	it('leaves the processor checklist for the user to tick', () => {
		const { processorContract } = bookingTemplate('fr').steps.principles;
		expect(contractGaps(processorContract)).toHaveLength(10);
		for (const item of Object.values(processorContract)) expect(item.evidence).toBe('');
	});

	it('assesses remote access from the US with the law as it stands, each point with its source', () => {
		const [transfer] = bookingTemplate('en').steps.principles.transfers;
		expect(transfer?.country).toBe('US');
		expect(isEeaCountry(transfer?.country ?? '')).toBe(false);
		expect(transfer?.mechanism).toBe('adequacy');
		expect(transfer?.outcome).toBe('acceptable_with_measures');
		for (const source of [
			'(EU) 2023/1795',
			'T-553/23',
			'C-703/25 P',
			'CLOUD Act',
			'Executive Order 14086',
			'Guidelines 05/2021',
			'Recommendations 01/2020, use case 6'
		]) {
			expect(transfer?.thirdCountryLaw).toContain(source);
		}
		expect(transfer?.conclusion).toContain('450163');
		expect(transfer?.conclusion).toContain('SecNumCloud');
	});

	it('fills the controller and DPO contact with fictitious demo values', () => {
		const { actors } = bookingTemplate('fr').steps.context;
		expect(actors.find((a) => a.role === 'controller')?.name).toBe('CHU Exemple');
		expect(actors.find((a) => a.role === 'dpo')?.notes).toContain('dpo@chu-exemple.fr');
		expect(JSON.stringify(actors)).not.toMatch(/à compléter/i);
	});

	it('shows the vendor as controller of the patient accounts it hosts', () => {
		const own = bookingTemplate('en').steps.context.actors.filter(
			(a) => a.role === 'separate_controller'
		);
		expect(own.map((a) => a.name)).toEqual(['Booking solution vendor (patient accounts)']);
	});

	it('offers a scenario that keeps the sensitive reasons off the platform', () => {
		const { scenarios } = bookingTemplate('fr').steps.scenarios;
		const offline = scenarios.filter(
			(s) => s.selection.sensitive_reasons === 'kept_with_secretaries'
		);
		expect(offline.length).toBeGreaterThanOrEqual(1);
	});

	it('names both pilot services, as its consultation reasons cover both', () => {
		const template = bookingTemplate('fr');
		const services = new Set(template.steps.motifs.rows.map((r) => r.service));
		expect(services).toEqual(new Set(['Gynécologie-obstétrique', 'Pédiatrie']));
		expect(template.title).toContain('gynécologie-obstétrique et pédiatrie');
	});

	it.each(LOCALES)('keeps every sensitive motif with the secretaries (%s)', (locale) => {
		const { rows } = bookingTemplate(locale).steps.motifs;
		expect(rows.length).toBeGreaterThanOrEqual(12);
		expect(sensitiveOnline(rows)).toEqual([]);
		expect(rows.flatMap((row) => warningsFor(row))).toEqual([]);
		const kept = new Set(rows.filter((row) => row.decision === 'kept').flatMap((row) => row.flags));
		for (const flag of ['abortion', 'oncology', 'child_protection', 'needs_triage', 'psychiatry']) {
			expect(kept.has(flag as never)).toBe(true);
		}
		expect(rows.some((row) => row.decision === 'online' && row.practitioner === 'midwife')).toBe(
			true
		);
	});

	it('uses the same motif ids in both languages so a locale switch keeps rows aligned', () => {
		const ids = (locale: 'fr' | 'en') => bookingTemplate(locale).steps.motifs.rows.map((r) => r.id);
		expect(ids('fr')).toEqual(ids('en'));
	});

	it('recognises content step keys', () => {
		expect(isContentStepKey('motifs')).toBe(true);
		expect(isContentStepKey('action_plan')).toBe(false);
	});
});
