import { describe, expect, it } from 'vitest';
import { riskMap, riskMapCells, scoredRisks, spread, type ScoredRisk } from './risk-map';
import { DEFAULT_THRESHOLDS, riskLevel } from './scoring';
import { SCALE_VALUES } from './knowledge/risks/scales';

const risk = (id: string, s: number, l: number, rs: number, rl: number): ScoredRisk =>
	({
		id,
		title: `Risque ${id}`,
		severity: s,
		likelihood: l,
		residualSeverity: rs,
		residualLikelihood: rl
	}) as ScoredRisk;

const RISKS = [risk('a', 4, 3, 2, 2), risk('b', 2, 2, 2, 2), risk('c', 3, 4, 3, 1)];

describe('riskMap', () => {
	it('gives each risk its initial and residual position, with the levels of riskLevel', () => {
		const { points } = riskMap(RISKS);
		expect(points.map((p) => [p.id, p.label, p.title])).toEqual([
			['a', 'R1', 'Risque a'],
			['b', 'R2', 'Risque b'],
			['c', 'R3', 'Risque c']
		]);
		for (const [i, p] of points.entries()) {
			const r = RISKS[i] as ScoredRisk;
			const initial = riskLevel(r.severity, r.likelihood);
			const residual = riskLevel(r.residualSeverity, r.residualLikelihood);
			expect(p.initial).toEqual({
				severity: r.severity,
				likelihood: r.likelihood,
				level: initial.level,
				name: initial.name
			});
			expect(p.residual).toEqual({
				severity: r.residualSeverity,
				likelihood: r.residualLikelihood,
				level: residual.level,
				name: residual.name
			});
		}
		expect(points[0]?.initial.name).toBe('maximum');
		expect(points[0]?.residual.name).toBe('limited');
	});

	it('plots each marker in the cell of its values (the table and the chart agree)', () => {
		const { points } = riskMap(RISKS);
		for (const p of points) {
			for (const which of ['initial', 'residual'] as const) {
				expect(Math.round(p.plot[which].x)).toBe(p[which].likelihood);
				expect(Math.round(p.plot[which].y)).toBe(p[which].severity);
				expect(Math.abs(p.plot[which].x - p[which].likelihood)).toBeLessThan(0.5);
				expect(Math.abs(p.plot[which].y - p[which].severity)).toBeLessThan(0.5);
			}
		}
	});

	it('keeps a lone marker at the centre and spreads markers sharing a cell', () => {
		const { points } = riskMap(RISKS);
		// R3 initial (3, 4) is alone in its cell.
		expect(points[2]?.plot.initial).toEqual({ x: 4, y: 3 });
		// R1 residual, R2 initial and R2 residual share the cell (2, 2).
		const shared = [points[0]?.plot.residual, points[1]?.plot.initial, points[1]?.plot.residual];
		const keys = new Set(shared.map((p) => `${p?.x}:${p?.y}`));
		expect(keys.size).toBe(3);
		expect(keys.has('2:2')).toBe(false);
	});

	it('is stable: the same input gives the same output, in the input order', () => {
		expect(riskMap(RISKS)).toEqual(riskMap(RISKS));
		const reversed = riskMap([...RISKS].reverse());
		expect(reversed.points.map((p) => p.id)).toEqual(['c', 'b', 'a']);
		expect(reversed.points.map((p) => p.label)).toEqual(['R1', 'R2', 'R3']);
	});

	it('does not share objects between calls', () => {
		const first = riskMap(RISKS);
		first.points[0]!.initial.level = 1;
		expect(riskMap(RISKS).points[0]?.initial.level).toBe(4);
	});
});

describe('riskMapCells', () => {
	it('lists the 16 cells with the default thresholds, severity then likelihood', () => {
		const cells = riskMapCells();
		expect(cells).toHaveLength(16);
		expect(cells.map((c) => c.level)).toEqual(DEFAULT_THRESHOLDS.levels.flat());
		expect(cells.map((c) => [c.severity, c.likelihood])).toEqual(
			SCALE_VALUES.flatMap((s) => SCALE_VALUES.map((l) => [s, l]))
		);
		expect(cells[15]).toEqual({ severity: 4, likelihood: 4, level: 4, name: 'maximum' });
	});
});

describe('spread', () => {
	it('lays markers sharing a cell on a grid inside it, in the order given', () => {
		const out = spread([
			{ severity: 1, likelihood: 1 },
			{ severity: 2, likelihood: 3 },
			{ severity: 1, likelihood: 1 }
		]);
		expect(out).toEqual([
			{ x: 0.8, y: 0.95 },
			{ x: 3, y: 2 },
			{ x: 1.2, y: 0.95 }
		]);
	});
	it('keeps up to 9 markers of one cell apart and inside the cell', () => {
		const out = spread(Array.from({ length: 9 }, () => ({ severity: 3, likelihood: 2 })));
		expect(new Set(out.map((p) => `${p.x}:${p.y}`)).size).toBe(9);
		for (const p of out) {
			expect(Math.abs(p.x - 2)).toBeLessThan(0.5);
			expect(Math.abs(p.y - 3)).toBeLessThan(0.5);
		}
	});
});

describe('scoredRisks', () => {
	it('reads the stored risks step and keeps the rank of each risk', () => {
		const content = {
			risks: [
				{ ...risk('a', 4, 3, 2, 2), description: 'x' },
				{ id: 'broken', title: 'x', severity: 7, likelihood: 1 },
				risk('c', 1, 1, 1, 1)
			]
		};
		const list = scoredRisks(content);
		expect(list.map((r) => [r.id, r.rank])).toEqual([
			['a', 1],
			['c', 3]
		]);
		expect(riskMap(list).points.map((p) => p.label)).toEqual(['R1', 'R3']);
	});
	it('reads nothing from an empty or malformed step', () => {
		expect(scoredRisks(null)).toEqual([]);
		expect(scoredRisks({})).toEqual([]);
		expect(scoredRisks({ risks: 'x' })).toEqual([]);
	});
});
