import { localize, type Locale, type Localized } from './knowledge/localized';
import { formatCsv } from './method/csv';
import type { MEASURE_STATUSES, Risks } from './method/risks';
import { isStepKey, stepDefinition, type StepKey } from './method/steps';

export type ActionStatus = (typeof MEASURE_STATUSES)[number];

/**
 * One line of the action plan: a planned measure of a risk, or the action the reviewer asked
 * for when marking a step "improvable" (that one has no owner or due date yet).
 */
export type ActionPlanItem = {
	source: 'measure' | 'evaluation';
	riskTitle?: string;
	/** The measure's risk, for a link to its editor on the risks page. */
	riskId?: string;
	stepKey: StepKey;
	title: string;
	owner: string;
	dueDate: string;
	status: ActionStatus;
	overdue: boolean;
};

export type ActionPlanStep = {
	key: string;
	status: string;
	actionPlanComment: string | null;
};

/** Late: a due date before today (`YYYY-MM-DD`, compared as text) and not done. */
export function isOverdue(dueDate: string, status: ActionStatus, today: string): boolean {
	return dueDate !== '' && dueDate < today && status !== 'done';
}

/**
 * Gathers the plan: every planned measure of every risk, then one item per "improvable" step
 * with its action-plan comment. Sorted by due date, items without a date last; the sort is
 * stable, so equal dates keep the order of the method.
 */
export function buildActionPlan(input: {
	risks: Risks | null;
	steps: readonly ActionPlanStep[];
	today: string;
}): ActionPlanItem[] {
	const { risks, steps, today } = input;
	const items: ActionPlanItem[] = [];
	for (const risk of risks?.risks ?? []) {
		for (const measure of risk.measures) {
			if (measure.state !== 'planned') continue;
			const dueDate = measure.dueDate.trim();
			items.push({
				source: 'measure',
				riskTitle: risk.title,
				riskId: risk.id,
				stepKey: 'risks',
				title: measure.title,
				owner: measure.owner.trim(),
				dueDate,
				status: measure.status,
				overdue: isOverdue(dueDate, measure.status, today)
			});
		}
	}
	for (const step of steps) {
		const comment = step.actionPlanComment?.trim() ?? '';
		if (step.status !== 'improvable' || comment === '' || !isStepKey(step.key)) continue;
		items.push({
			source: 'evaluation',
			stepKey: step.key,
			title: comment,
			owner: '',
			dueDate: '',
			status: 'todo',
			overdue: false
		});
	}
	return items.sort((a, b) => {
		if (a.dueDate === b.dueDate) return 0;
		if (a.dueDate === '') return 1;
		if (b.dueDate === '') return -1;
		return a.dueDate < b.dueDate ? -1 : 1;
	});
}

/** The owners named in the plan, each once, in alphabetical order. */
export function ownersOf(items: readonly ActionPlanItem[]): string[] {
	const owners = new Set(items.map((item) => item.owner).filter((owner) => owner !== ''));
	return [...owners].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** The items of one owner; an empty filter keeps everything. */
export function filterByOwner(items: readonly ActionPlanItem[], owner: string): ActionPlanItem[] {
	const wanted = owner.trim();
	return wanted === '' ? [...items] : items.filter((item) => item.owner === wanted);
}

const COLUMNS: readonly Localized[] = [
	{ fr: 'Origine', en: 'Source' },
	{ fr: 'Étape', en: 'Step' },
	{ fr: 'Risque', en: 'Risk' },
	{ fr: 'Action', en: 'Action' },
	{ fr: 'Responsable', en: 'Owner' },
	{ fr: 'Échéance', en: 'Due date' },
	{ fr: 'Avancement', en: 'Status' },
	{ fr: 'En retard', en: 'Overdue' }
];

const SOURCE_TEXT: Record<ActionPlanItem['source'], Localized> = {
	measure: { fr: 'Mesure prévue', en: 'Planned measure' },
	evaluation: { fr: 'Évaluation « améliorable »', en: '“Improvable” evaluation' }
};

const STATUS_TEXT: Record<ActionStatus, Localized> = {
	todo: { fr: 'À faire', en: 'To do' },
	in_progress: { fr: 'En cours', en: 'In progress' },
	done: { fr: 'Faite', en: 'Done' }
};

const YES_NO: Record<'yes' | 'no', Localized> = {
	yes: { fr: 'oui', en: 'yes' },
	no: { fr: 'non', en: 'no' }
};

/**
 * The plan as CSV for a spreadsheet: semicolons and a BOM (what French-locale spreadsheets
 * open directly), headers and labels in the reader's language, dates as `YYYY-MM-DD`. Cells
 * that a spreadsheet would run as a formula are prefixed with `'` by `formatCsv`.
 */
export function actionPlanToCsv(items: readonly ActionPlanItem[], locale: Locale): string {
	const t = (text: Localized) => localize(text, locale);
	const rows = [
		COLUMNS.map(t),
		...items.map((item) => [
			t(SOURCE_TEXT[item.source]),
			t(stepDefinition(item.stepKey).title),
			item.riskTitle ?? '',
			item.title,
			item.owner,
			item.dueDate,
			t(STATUS_TEXT[item.status]),
			t(item.overdue ? YES_NO.yes : YES_NO.no)
		])
	];
	return formatCsv(rows, { delimiter: ';', bom: true });
}
