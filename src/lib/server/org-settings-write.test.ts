import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '$lib/domain/scoring';
import { SYSTEM_ACTOR } from './audit';
import { getOrgSettings } from './org-settings';
import {
	draftFromForm,
	draftOf,
	readSettings,
	saveSettings,
	StaleSettingsError,
	validateDraft,
	withDefaultThresholds
} from './org-settings-write';
import { tempDatabase } from './testing/temp-db';
import { createOrganisation } from './users';

function formOf(levels: number[][], extra: Record<string, string> = {}): FormData {
	const form = new FormData();
	levels.forEach((row, s) =>
		row.forEach((v, l) => form.set(`levels.${s + 1}.${l + 1}`, String(v)))
	);
	for (const [k, v] of Object.entries(extra)) form.append(k, v);
	return form;
}

const DEFAULT = DEFAULT_THRESHOLDS.levels.map((row) => [...row]);
// Stricter than the default: severity 4 is always "Maximale".
const STRICT = [
	[1, 1, 2, 2],
	[2, 2, 2, 3],
	[2, 3, 3, 3],
	[4, 4, 4, 4]
];

describe('organisation settings: form and save', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let orgId: string;
	beforeEach(() => {
		ctx = tempDatabase();
		orgId = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Test', null).id;
	});
	afterEach(() => ctx.dispose());
	const auditActions = () =>
		(
			ctx.db.$client.prepare('SELECT action, entity FROM audit_log ORDER BY seq').all() as Array<{
				action: string;
				entity: string;
			}>
		).map((r) => `${r.entity}:${r.action}`);

	it('reads a form into settings: matrix, two-factor, further opinions without blank or removed rows', () => {
		const form = formOf(STRICT, {
			requireTotp: 'on',
			'extra.0.key': 'cme',
			'extra.0.fr': 'Président de la CME',
			'extra.0.en': 'Medical committee chair',
			'extra.0.role': 'director',
			'extra.0.required': 'on',
			'extra.1.key': 'gone',
			'extra.1.fr': 'Retiré',
			'extra.1.en': 'Removed',
			'extra.1.role': 'dpo',
			_remove: 'extra.1',
			'extra.2.key': '',
			'extra.2.fr': '',
			'extra.2.en': '',
			'extra.2.role': 'dpo'
		});
		const result = validateDraft(draftFromForm(form));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.settings.thresholds.levels).toEqual(STRICT);
		expect(result.settings.requireTotp).toBe(true);
		expect(result.settings.extraOpinions).toEqual([
			{
				key: 'cme',
				label: { fr: 'Président de la CME', en: 'Medical committee chair' },
				role: 'director',
				required: true
			}
		]);
	});

	it('refuses a non-monotonic matrix and names the offending cell, keeping what was typed', () => {
		const bad = DEFAULT.map((row) => [...row]);
		bad[2]![1] = 1; // severity 3 × likelihood 2 below both its neighbours
		const draft = draftFromForm(formOf(bad));
		const result = validateDraft(draft);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors['levels.3.2']?.code).toBe('orgsettings_non_monotonic_severity');
		expect(draft.levels[2]?.[1]).toBe('1');
	});

	it('refuses a cell out of 1–4, a bad key, a missing label and duplicate keys', () => {
		const form = formOf(DEFAULT);
		form.set('levels.1.1', '7');
		const opinion = (i: number, key: string, fr: string) => {
			form.set(`extra.${i}.key`, key);
			form.set(`extra.${i}.fr`, fr);
			form.set(`extra.${i}.en`, 'Label');
			form.set(`extra.${i}.role`, 'dpo');
		};
		opinion(0, 'Bad Key!', 'Libellé');
		opinion(1, 'ok', '');
		const first = validateDraft(draftFromForm(form));
		expect(first.ok).toBe(false);
		if (first.ok) return;
		expect(first.errors['levels.1.1']?.code).toBe('orgsettings_level_invalid');
		expect(first.errors['extra.0.key']?.code).toBe('orgsettings_key_invalid');
		expect(first.errors['extra.1.fr']?.code).toBe('required');

		const dup = formOf(DEFAULT);
		for (const i of [0, 1]) {
			dup.set(`extra.${i}.key`, 'cme');
			dup.set(`extra.${i}.fr`, 'CME');
			dup.set(`extra.${i}.en`, 'CME');
			dup.set(`extra.${i}.role`, 'director');
		}
		const second = validateDraft(draftFromForm(dup));
		expect(second.ok ? null : second.errors['extra']?.code).toBe('orgsettings_duplicate_key');
	});

	it('saves from the version read, audited, and the pages read the new matrix', () => {
		const before = readSettings(ctx.db, orgId);
		expect(before.settings.thresholds.levels).toEqual(DEFAULT);
		const parsed = validateDraft(draftFromForm(formOf(STRICT, { requireTotp: 'on' })));
		if (!parsed.ok) throw new Error('expected valid');
		const saved = saveSettings(ctx.db, SYSTEM_ACTOR, orgId, before.version, parsed.settings);
		expect(saved.version).toBe(before.version + 1);
		expect(getOrgSettings(ctx.db, orgId).thresholds.levels).toEqual(STRICT);
		expect(getOrgSettings(ctx.db, orgId).requireTotp).toBe(true);
		expect(auditActions()).toEqual([
			'organisation:organisation.create',
			'organisation:organisation.settings'
		]);
	});

	it('refuses a stale save with the newer values and writes nothing', () => {
		const { version } = readSettings(ctx.db, orgId);
		const strict = validateDraft(draftFromForm(formOf(STRICT)));
		const plain = validateDraft(draftFromForm(formOf(DEFAULT, { requireTotp: 'on' })));
		if (!strict.ok || !plain.ok) throw new Error('expected valid');
		saveSettings(ctx.db, SYSTEM_ACTOR, orgId, version, strict.settings);
		let caught: unknown;
		try {
			saveSettings(ctx.db, SYSTEM_ACTOR, orgId, version, plain.settings);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(StaleSettingsError);
		const current = (caught as StaleSettingsError).current;
		expect(current.version).toBe(version + 1);
		expect(current.settings.thresholds.levels).toEqual(STRICT);
		expect(getOrgSettings(ctx.db, orgId).requireTotp).toBe(false);
		expect(auditActions().filter((a) => a.endsWith('settings'))).toHaveLength(1);
	});

	it('keeps stored keys it does not know, and resets the matrix to the default on request', () => {
		ctx.db.$client
			.prepare('UPDATE organisations SET settings = ? WHERE id = ?')
			.run(JSON.stringify({ futureSetting: 'kept', thresholds: { levels: STRICT } }), orgId);
		const stored = readSettings(ctx.db, orgId);
		const draft = withDefaultThresholds(draftOf(stored.settings));
		const parsed = validateDraft(draft);
		if (!parsed.ok) throw new Error('expected valid');
		saveSettings(ctx.db, SYSTEM_ACTOR, orgId, stored.version, parsed.settings);
		const row = ctx.db.$client
			.prepare('SELECT settings FROM organisations WHERE id = ?')
			.get(orgId) as { settings: string };
		expect(JSON.parse(row.settings).futureSetting).toBe('kept');
		expect(getOrgSettings(ctx.db, orgId).thresholds.levels).toEqual(DEFAULT);
	});
});
