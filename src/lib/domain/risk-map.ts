/**
 * The 4×4 risk map: each risk's initial and residual position (severity × likelihood) and
 * the level of every cell. The page's data table and its chart are both drawn from
 * `riskMap`, so they can never disagree.
 */
import { isScale, SCALE_VALUES, type LevelName, type Scale } from './knowledge/risks/scales';
import { DEFAULT_THRESHOLDS, riskLevel, type MatrixThresholds } from './scoring';

export type MapPosition = { severity: Scale; likelihood: Scale; level: Scale; name: LevelName };

/** Where a marker is drawn: the cell centre, moved slightly when markers share a cell. */
export type PlotPosition = { x: number; y: number };

export type RiskMapPoint = {
	id: string;
	/** Short label shown on the chart: R1, R2… (the risk's rank on the risks page). */
	label: string;
	title: string;
	initial: MapPosition;
	residual: MapPosition;
	plot: { initial: PlotPosition; residual: PlotPosition };
};

export type RiskMapCell = MapPosition;

export type RiskMap = { points: RiskMapPoint[]; cells: RiskMapCell[] };

/** The scored fields of a risk, as stored by the risks step. */
export type ScoredRisk = {
	id: string;
	/** 1-based rank on the risks page ("Risque 2"); defaults to the position in the list. */
	rank?: number;
	title: string;
	severity: Scale;
	likelihood: Scale;
	residualSeverity: Scale;
	residualLikelihood: Scale;
};

/** Share of a cell's width and height used to lay out markers sharing it (a cell is 1 wide). */
export const CELL_SPREAD = { width: 0.8, height: 0.7, drop: 0.05 } as const;

function position(severity: Scale, likelihood: Scale, thresholds: MatrixThresholds): MapPosition {
	const { level, name } = riskLevel(severity, likelihood, thresholds);
	return { severity, likelihood, level, name };
}

/** The 16 cells, severity 1 to 4 then likelihood 1 to 4. */
export function riskMapCells(thresholds: MatrixThresholds = DEFAULT_THRESHOLDS): RiskMapCell[] {
	return SCALE_VALUES.flatMap((s) => SCALE_VALUES.map((l) => position(s, l, thresholds)));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Markers sharing a cell are laid out on a small grid inside it, row by row in the order
 * given (so the layout is stable), slightly below the centre to leave room for the level
 * name written at the top of the cell; a marker alone stays at the centre.
 */
export function spread(
	positions: ReadonlyArray<Pick<MapPosition, 'severity' | 'likelihood'>>
): PlotPosition[] {
	const groups = new Map<string, number[]>();
	positions.forEach((p, i) => {
		const key = `${p.severity}:${p.likelihood}`;
		groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	const result: PlotPosition[] = positions.map((p) => ({ x: p.likelihood, y: p.severity }));
	for (const members of groups.values()) {
		const n = members.length;
		if (n < 2) continue;
		const cols = Math.ceil(Math.sqrt(n));
		const rows = Math.ceil(n / cols);
		const dx = CELL_SPREAD.width / cols;
		const dy = CELL_SPREAD.height / rows;
		members.forEach((index, k) => {
			const base = result[index];
			if (!base) return;
			const [col, row] = [k % cols, Math.floor(k / cols)];
			result[index] = {
				x: round(base.x + (col - (cols - 1) / 2) * dx),
				y: round(base.y - CELL_SPREAD.drop + ((rows - 1) / 2 - row) * dy)
			};
		});
	}
	return result;
}

export function riskMap(
	risks: ReadonlyArray<ScoredRisk>,
	thresholds: MatrixThresholds = DEFAULT_THRESHOLDS
): RiskMap {
	const base = risks.map((risk, i) => ({
		id: risk.id,
		label: `R${risk.rank ?? i + 1}`,
		title: risk.title,
		initial: position(risk.severity, risk.likelihood, thresholds),
		residual: position(risk.residualSeverity, risk.residualLikelihood, thresholds)
	}));
	// Each risk's initial then residual marker, risk by risk: [2i] and [2i + 1] are risk i's.
	const plots = spread(base.flatMap((p) => [p.initial, p.residual]));
	const points = base.map((p, i) => ({
		...p,
		plot: {
			initial: plots[2 * i] ?? { x: p.initial.likelihood, y: p.initial.severity },
			residual: plots[2 * i + 1] ?? { x: p.residual.likelihood, y: p.residual.severity }
		}
	}));
	return { points, cells: riskMapCells(thresholds) };
}

/**
 * The scored risks of a stored risks step. Content is validated when saved; a row whose
 * scores are not on the scale (hand-edited data) cannot be placed and is left out.
 */
export function scoredRisks(content: unknown): ScoredRisk[] {
	const list =
		content && typeof content === 'object' && 'risks' in content ? content.risks : undefined;
	if (!Array.isArray(list)) return [];
	const result: ScoredRisk[] = [];
	(list as unknown[]).forEach((row, index) => {
		if (!row || typeof row !== 'object') return;
		const r = row as Record<string, unknown>;
		const [s, l, rs, rl] = [r.severity, r.likelihood, r.residualSeverity, r.residualLikelihood];
		if (!isScale(s) || !isScale(l) || !isScale(rs) || !isScale(rl)) return;
		result.push({
			id: typeof r.id === 'string' ? r.id : '',
			rank: index + 1,
			title: typeof r.title === 'string' ? r.title : '',
			severity: s,
			likelihood: l,
			residualSeverity: rs,
			residualLikelihood: rl
		});
	});
	return result;
}
