import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_THRESHOLDS } from '$lib/domain/scoring';
import { fieldErrors } from './zod-issues';
import type { FieldError } from '$lib/i18n/field-errors';
import type { Actor } from './audit';
import { organisations } from './db/schema';
import { orgSettingsSchema, parseSettings, type OrgSettings } from './org-settings';
import { StaleVersionError, updateVersioned } from './versioned';
import { signalMatrixChange } from './review';
import { sameMatrix } from '$lib/domain/review';
import type { Db } from './db';

/**
 * Writing an organisation's settings: the form as typed (kept for a refused save), its
 * validation by `orgSettingsSchema`, and the save itself, from the version the admin saw.
 */

/** One further-opinion row exactly as typed. */
export type ExtraOpinionDraft = {
	key: string;
	fr: string;
	en: string;
	role: string;
	required: boolean;
};

/** The form as typed: the matrix cells stay strings so a bad value is shown back as is. */
export type SettingsDraft = {
	levels: string[][];
	requireTotp: boolean;
	extraOpinions: ExtraOpinionDraft[];
};

export const SCALE = [1, 2, 3, 4] as const;
/** Further-opinion rows offered beyond the existing ones. */
export const BLANK_OPINION_ROWS = 1;

const str = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
};

/** Rows are numbered `extra.0…`; a row is dropped when ticked for removal or left blank. */
export function draftFromForm(form: FormData): SettingsDraft {
	const levels = SCALE.map((s) => SCALE.map((l) => str(form, `levels.${s}.${l}`)));
	const indexes = new Set<number>();
	for (const key of form.keys()) {
		const match = /^extra\.(\d{1,2})\./.exec(key);
		if (match) indexes.add(Number(match[1]));
	}
	const removed = new Set(form.getAll('_remove').map(String));
	const extraOpinions: ExtraOpinionDraft[] = [];
	for (const i of [...indexes].sort((a, b) => a - b)) {
		if (removed.has(`extra.${i}`)) continue;
		const row: ExtraOpinionDraft = {
			key: str(form, `extra.${i}.key`),
			fr: str(form, `extra.${i}.fr`),
			en: str(form, `extra.${i}.en`),
			role: str(form, `extra.${i}.role`),
			required: form.get(`extra.${i}.required`) === 'on'
		};
		if (row.key === '' && row.fr === '' && row.en === '') continue;
		extraOpinions.push(row);
	}
	return { levels, requireTotp: form.get('requireTotp') === 'on', extraOpinions };
}

export function draftOf(settings: OrgSettings): SettingsDraft {
	return {
		levels: settings.thresholds.levels.map((row) => row.map(String)),
		requireTotp: settings.requireTotp,
		extraOpinions: settings.extraOpinions.map((e) => ({
			key: e.key,
			fr: e.label.fr,
			en: e.label.en,
			role: e.role,
			required: e.required
		}))
	};
}

/** Same draft with the default risk map ("reset to default" keeps the other settings typed). */
export function withDefaultThresholds(draft: SettingsDraft): SettingsDraft {
	return { ...draft, levels: DEFAULT_THRESHOLDS.levels.map((row) => row.map(String)) };
}

function inputOf(draft: SettingsDraft): unknown {
	// An empty or non-numeric cell stays a string: the schema reports it on that cell.
	const cell = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
	return {
		thresholds: { levels: draft.levels.map((row) => row.map(cell)) },
		requireTotp: draft.requireTotp,
		extraOpinions: draft.extraOpinions.map((e) => ({
			key: e.key,
			label: { fr: e.fr, en: e.en },
			role: e.role,
			required: e.required
		}))
	};
}

/**
 * Validates a draft. Error keys are the form's own names (`levels.2.3` for severity 2 ×
 * likelihood 3, `extra.0.key`), so the page can put each message under its field.
 */
export function validateDraft(
	draft: SettingsDraft
): { ok: true; settings: OrgSettings } | { ok: false; errors: Record<string, FieldError> } {
	const parsed = orgSettingsSchema.safeParse(inputOf(draft));
	if (parsed.success) return { ok: true, settings: parsed.data };
	const errors: Record<string, FieldError> = {};
	for (const [path, error] of Object.entries(fieldErrors(parsed.error.issues))) {
		const key = formKey(path.split('.'));
		if (!errors[key]) errors[key] = codeOf(key, error);
	}
	return { ok: false, errors };
}

function formKey(path: string[]): string {
	const [root, a, b, c] = path;
	if (root === 'thresholds' && a === 'levels' && b !== undefined && c !== undefined) {
		return `levels.${Number(b) + 1}.${Number(c) + 1}`;
	}
	if (root === 'extraOpinions' && a !== undefined && /^\d+$/.test(a)) {
		return `extra.${a}.${b === 'label' ? (c ?? 'fr') : (b ?? 'key')}`;
	}
	if (root === 'extraOpinions') return 'extra';
	return root ?? '_form';
}

/** Schema messages are bare codes; prefixed here so they name this page's messages. */
function codeOf(key: string, error: FieldError): FieldError {
	if (error.code === 'non_monotonic_severity')
		return { code: 'orgsettings_non_monotonic_severity' };
	if (error.code === 'non_monotonic_likelihood')
		return { code: 'orgsettings_non_monotonic_likelihood' };
	if (error.code === 'duplicate_key') return { code: 'orgsettings_duplicate_key' };
	if (key.endsWith('.key') && error.code === 'invalid') return { code: 'orgsettings_key_invalid' };
	if (key.startsWith('levels.')) return { code: 'orgsettings_level_invalid' };
	if (key === 'extra' && error.code === 'too_long')
		return { code: 'orgsettings_too_many_opinions' };
	return error;
}

export type StoredSettings = { version: number; settings: OrgSettings };

export class OrgNotFoundError extends Error {
	constructor() {
		super('organisation not found');
	}
}

/** Thrown inside the transaction (so nothing is written) when the version has moved on. */
export class StaleSettingsError extends StaleVersionError<StoredSettings> {
	constructor(public readonly current: StoredSettings) {
		super(current, organisations);
	}
}

export function readSettings(db: Db, orgId: string): StoredSettings {
	const row = db
		.select({ version: organisations.version, settings: organisations.settings })
		.from(organisations)
		.where(eq(organisations.id, orgId))
		.get();
	if (!row) throw new OrgNotFoundError();
	return { version: row.version, settings: parseSettings(row.settings) };
}

/**
 * Saves validated settings from `version`; audited in the same transaction. Keys of the
 * stored JSON that this schema does not know are kept, so a newer setting is never lost.
 */
export function saveSettings(
	db: Db,
	actor: Actor,
	orgId: string,
	version: number,
	settings: z.output<typeof orgSettingsSchema>
): StoredSettings {
	// The decided analyses whose review a new risk matrix brings forward (art. 35(11)).
	let toReview: string[] = [];
	const saved = updateVersioned(db, actor, {
		table: organisations,
		where: [eq(organisations.id, orgId)],
		version,
		missing: () => new OrgNotFoundError(),
		stale: (row) =>
			new StaleSettingsError({ version: row.version, settings: parseSettings(row.settings) }),
		set: (row) => ({ settings: { ...row.settings, ...settings } }),
		after: (_updated, before, tx) => {
			const was = parseSettings(before.settings).thresholds.levels;
			if (!sameMatrix(was, settings.thresholds.levels))
				toReview = signalMatrixChange(tx, orgId, actor.userId);
		},
		event: (updated) => ({
			action: 'organisation.settings',
			entity: 'organisation',
			entityId: orgId,
			orgId,
			version: updated.version,
			summary: `settings: two-factor ${settings.requireTotp ? 'required' : 'optional'}, ${settings.extraOpinions.length} further opinion(s)${
				toReview.length
					? `; risk matrix changed, ${toReview.length} decided analysis(es) to review`
					: ''
			}`,
			state: toReview.length ? { ...settings, reviewsBroughtForward: toReview } : settings
		})
	});
	return { version: saved.version, settings };
}
