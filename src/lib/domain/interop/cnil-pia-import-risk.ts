/**
 * One CNIL risk (section 3.2, 3.3 or 3.4 of the PIA software) planned as a workbench risk:
 * its lists as tags, its measures matched with section 3.1 by title, its gauges as scores,
 * and every text that has no field kept as a note. Part of planImport (cnil-pia-import.ts),
 * which gives it the file's answers and collects the notes.
 */
import { LIMITS } from '../method/fields';
import type { Measure, Risk } from '../method/risks';
import { getRisk } from '../knowledge/risks/risk-catalogue';
import { localize, type Locale } from '../knowledge/localized';
import type { Scale } from '../knowledge/risks/scales';
import { normaliseText } from './html-text';
import { CNIL_ITEMS, type CnilAnswer, type CnilEvaluation } from './cnil-pia-format';
import type { NoteRef } from './cnil-pia-notes';
import { joinJustification, type CNIL_RISKS, type ImportedStep } from './cnil-pia-mapping';

type CnilRisk = (typeof CNIL_RISKS)[number];

const TAG_MAX = LIMITS.short;
const TAGS_MAX = 50;

/** Measures are matched by title, whatever the case and spacing. */
export const titleKey = (title: string) => normaliseText(title).toLocaleLowerCase('fr');

export function isScale(value: number | null | undefined): value is Scale {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

/** What planImport shares with each risk: the file's answers and where notes go. */
export interface RiskSources {
	t: (fr: string, en: string) => string;
	locale: Locale;
	note: (step: ImportedStep, ref: NoteRef, text: string) => void;
	answers: Map<number, CnilAnswer>;
	/** Question ids consumed, so they are not noted again as loose answers. */
	used: Set<number>;
	report: { risks: string[] };
	textOf: (id: number) => string;
	listOf: (id: number) => string[];
	measuresByTitle: Map<string, { measure: Measure; attached: boolean }>;
}

/** The workbench risk for a CNIL risk, or null when the file says nothing of it. */
export function planRisk(
	from: RiskSources,
	{ item, key }: CnilRisk,
	evaluation: CnilEvaluation | undefined
): Risk | null {
	const { t, locale, note, answers, used, report, textOf, listOf, measuresByTitle } = from;
	const ids = CNIL_ITEMS[item];
	const [impactsId, threatsId, sourcesId, measuresId, severityId, likelihoodId] = ids;
	if (!ids.some((id) => answers.has(id)) && !evaluation) return null;
	ids.forEach((id) => used.add(id));
	report.risks.push(item);
	const entry = getRisk(key);

	const tags = (id: number) => {
		const list = listOf(id);
		if (list.length <= TAGS_MAX && list.every((tag) => [...tag].length <= TAG_MAX)) return list;
		note('risks', { kind: 'list', id }, list.join('\n'));
		return [];
	};
	const riskMeasures: Measure[] = [];
	const overflow: string[] = [];
	listOf(measuresId).forEach((title, n) => {
		// A workbench risk holds LIMITS.rows measures; the titles past that stay in a note
		// of the list question, which the export appends to the list again.
		if (riskMeasures.length >= LIMITS.rows) {
			overflow.push(title);
			return;
		}
		const found = measuresByTitle.get(titleKey(title));
		if (found) {
			found.attached = true;
			if (!riskMeasures.some((m) => m.id === found.measure.id)) riskMeasures.push(found.measure);
		} else if ([...title].length <= LIMITS.text) {
			riskMeasures.push({
				id: `cnil-${item}-${n + 1}`,
				title,
				kind: 'technical',
				state: 'existing',
				owner: '',
				dueDate: '',
				status: 'done'
			});
		} else note('risks', { kind: 'list', id: measuresId }, title);
	});
	if (overflow.length) note('risks', { kind: 'list', id: measuresId }, overflow.join('\n'));

	const gauge = (id: number, fallback: Scale, what: string) => {
		const value = answers.get(id)?.data.gauge;
		if (isScale(value)) return value;
		note(
			'risks',
			{ kind: 'warning' },
			t(
				`${localize(entry.title, 'fr')} : ${what} non cotée dans le fichier (question ${id}) ; la valeur proposée par le catalogue (${fallback}) est retenue, à revoir.`,
				`${localize(entry.title, 'en')}: ${what} not rated in the file (question ${id}); the catalogue's suggested value (${fallback}) is used, to be reviewed.`
			)
		);
		return fallback;
	};
	const severity = gauge(severityId, entry.suggested.severity, t('gravité', 'severity'));
	const likelihood = gauge(
		likelihoodId,
		entry.suggested.likelihood,
		t('vraisemblance', 'likelihood')
	);
	const residualSeverity = isScale(evaluation?.gauges?.x) ? evaluation.gauges.x : severity;
	const residualLikelihood = isScale(evaluation?.gauges?.y) ? evaluation.gauges.y : likelihood;

	const justification = joinJustification(textOf(severityId), textOf(likelihoodId));
	const fits = [...justification].length <= LIMITS.text;
	if (!fits) {
		if (textOf(severityId)) note('risks', { kind: 'question', id: severityId }, textOf(severityId));
		if (textOf(likelihoodId))
			note('risks', { kind: 'question', id: likelihoodId }, textOf(likelihoodId));
	}
	for (const id of [impactsId, threatsId, sourcesId, measuresId]) {
		// A list question carrying text too (not the software's own shape, but possible).
		if (textOf(id)) note('risks', { kind: 'question', id }, textOf(id));
	}
	return {
		id: key,
		catalogueKey: key,
		title: localize(entry.title, locale),
		description: '',
		category: entry.category,
		impacts: tags(impactsId),
		threats: tags(threatsId),
		sources: tags(sourcesId),
		severity,
		likelihood,
		justification: fits ? justification : '',
		measures: riskMeasures,
		residualSeverity,
		residualLikelihood,
		residualReason:
			residualSeverity > severity || residualLikelihood > likelihood
				? t(
						'Cotation résiduelle de l’évaluateur, reprise du logiciel PIA de la CNIL.',
						'Residual rating by the evaluator, taken from the CNIL PIA software.'
					)
				: ''
	};
}
