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
			'Prise de rendez-vous en ligne — service pilote gynécologie-obstétrique / pédiatrie'
		);
		expect(bookingTemplate('en').title).toBe(
			'Online appointment booking — pilot service obstetrics-gynaecology / paediatrics'
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
			'As long as needed'
		]) {
			expect(text).toContain(fact);
		}
	});

	it('leaves the processor checklist for the user to tick', () => {
		const { processorContract } = bookingTemplate('fr').steps.principles;
		expect(contractGaps(processorContract)).toHaveLength(10);
		for (const item of Object.values(processorContract)) expect(item.evidence).toBe('');
	});

	it('assesses the CLOUD Act exposure of a US-owned host', () => {
		const [transfer] = bookingTemplate('en').steps.principles.transfers;
		expect(transfer?.country).toBe('US');
		expect(isEeaCountry(transfer?.country ?? '')).toBe(false);
		expect(transfer?.thirdCountryLaw).toContain('CLOUD Act');
		expect(transfer?.outcome).toBe('to_assess');
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
