import { createHash } from 'node:crypto';
import { localize, type Locale } from '../knowledge/localized';
import { getBenefit, isBenefitKey } from '../knowledge/risks/benefit-catalogue';
import { getRisk, isRiskKey } from '../knowledge/risks/risk-catalogue';
import { SENSITIVITY_FLAGS, type SensitivityFlag } from '../knowledge/motif-vocabulary';
import { defaultDecision } from './motifs';

/*
 * What a step's save does to a draft before its schema reads it (StepDef.fill).
 *
 * Items added in the blank blocks of a form come without an id. They get one derived from
 * their content and position (a double click resubmits the same content and is recognised
 * as such). An item picked from the catalogue gets the catalogue's texts and suggested
 * scores for whatever the user left empty. Existing items are left untouched.
 */

type Row = Record<string, unknown>;

const asRow = (value: unknown): Row | null =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : null;

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isEmpty = (value: unknown) =>
	value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** `prefix` and ten hex digits of the hash of `content`, suffixed `-2`, `-3`… if taken. */
function freshId(prefix: string, content: unknown, taken: Set<string>): string {
	const base =
		prefix + createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 10);
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

function withIds(items: unknown[], prefix: string, salt: string, fill: (row: Row) => Row) {
	const taken = new Set(items.map((i) => asRow(i)?.id).filter(hasText) as string[]);
	return items.map((item, index) => {
		const row = asRow(item);
		if (!row || hasText(row.id)) return item;
		const filled = fill(row);
		return { ...filled, id: freshId(prefix, [salt, index, filled], taken) };
	});
}

function defaults(row: Row, values: Row): Row {
	const out = { ...row };
	for (const [key, value] of Object.entries(values)) if (isEmpty(out[key])) out[key] = value;
	return out;
}

function fillRisk(row: Row, locale: Locale): Row {
	const t = (text: { fr: string; en: string }) => localize(text, locale);
	let out: Row = { ...row, catalogueKey: hasText(row.catalogueKey) ? row.catalogueKey : 'custom' };
	if (isRiskKey(out.catalogueKey)) {
		const entry = getRisk(out.catalogueKey);
		out = defaults(out, {
			title: t(entry.title),
			description: t(entry.description),
			category: entry.category,
			sources: entry.riskSources.map(t),
			threats: entry.threats.map(t),
			impacts: entry.impacts.map(t),
			severity: entry.suggested.severity,
			likelihood: entry.suggested.likelihood,
			justification: t(entry.suggested.justification)
		});
	}
	// No measure yet: the residual scores start where the initial ones are.
	return defaults(out, {
		description: '',
		sources: [],
		threats: [],
		impacts: [],
		justification: '',
		measures: [],
		residualSeverity: out.severity,
		residualLikelihood: out.likelihood,
		residualReason: ''
	});
}

/**
 * Several catalogue entries ticked in one save (the form's `addFromCatalogue` boxes): each
 * becomes a row holding only its key, which the fill then completes like a single pick.
 * A key outside the catalogue or ticked twice is dropped; the field never reaches the schema.
 */
function withCatalogueRows(root: Row, list: string, isKey: (key: unknown) => boolean): Row {
	const { addFromCatalogue, ...rest } = root;
	if (!Array.isArray(addFromCatalogue)) return rest;
	const current = rest[list] ?? [];
	// A malformed list is left for the schema to refuse, with its own message.
	if (!Array.isArray(current)) return rest;
	const keys = [...new Set(addFromCatalogue)].filter(isKey);
	if (keys.length === 0) return rest;
	return { ...rest, [list]: [...current, ...keys.map((key) => ({ catalogueKey: key }))] };
}

export function fillNewRisks(draft: unknown, locale: Locale): unknown {
	const row = asRow(draft);
	if (!row) return draft;
	const root = withCatalogueRows(row, 'risks', isRiskKey);
	if (!Array.isArray(root.risks)) return root;
	const risks = withIds(root.risks, 'r-', '', (row) => fillRisk(row, locale)).map((item, i) => {
		const risk = asRow(item);
		if (!risk || !Array.isArray(risk.measures)) return item;
		return { ...risk, measures: withIds(risk.measures, 'm-', String(risk.id ?? i), (m) => m) };
	});
	return { ...root, risks };
}

export function fillNewBenefits(draft: unknown, locale: Locale): unknown {
	const row = asRow(draft);
	if (!row) return draft;
	const root = withCatalogueRows(row, 'benefits', isBenefitKey);
	if (!Array.isArray(root.benefits)) return root;
	const t = (text: { fr: string; en: string }) => localize(text, locale);
	const benefits = withIds(root.benefits, 'b-', '', (row) => {
		const out: Row = {
			...row,
			catalogueKey: hasText(row.catalogueKey) ? row.catalogueKey : 'custom'
		};
		if (!isBenefitKey(out.catalogueKey))
			return defaults(out, { description: '', justification: '' });
		const entry = getBenefit(out.catalogueKey);
		const filled = defaults(out, {
			title: t(entry.title),
			description: t(entry.description),
			magnitude: entry.suggested.magnitude,
			confidence: entry.suggested.confidence,
			justification: t(entry.suggested.justification)
		});
		if (entry.kpi && filled.kpi === undefined) {
			const k = entry.kpi;
			filled.kpi = {
				metric: t(k.metric),
				baseline: t(k.baseline),
				target: t(k.target),
				source: t(k.source)
			};
		}
		return filled;
	});
	return { ...root, benefits };
}

const isFlag = (value: unknown): value is SensitivityFlag =>
	typeof value === 'string' && (SENSITIVITY_FLAGS as readonly string[]).includes(value);

/**
 * Motif rows added in the blank lines come without an id and, unless the user chose one,
 * without a decision. Their id is derived from their content only (not their position), and
 * they get the default decision, which keeps any sensitive reason with the secretaries.
 */
export function fillNewMotifs(draft: unknown): unknown {
	const root = asRow(draft);
	if (!root || !Array.isArray(root.rows)) return draft;
	const taken = new Set(
		root.rows
			.map((row) => asRow(row)?.id)
			.filter(hasText)
			.map((id) => (id as string).trim())
	);
	const rows = root.rows.map((row) => {
		const motif = asRow(row);
		if (!motif || hasText(motif.id)) return row;
		const flags = Array.isArray(motif.flags) ? motif.flags.filter(isFlag) : [];
		const content = [motif.service, motif.reason, motif.practitioner, motif.visit];
		return {
			...motif,
			id: freshId('m-', content, taken),
			decision:
				motif.decision === undefined || motif.decision === ''
					? defaultDecision(flags)
					: motif.decision
		};
	});
	return { ...root, rows };
}
