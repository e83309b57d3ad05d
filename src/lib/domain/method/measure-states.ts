/**
 * Where a measure stands. Apart from risks.ts, which loads the risk catalogue: the measures
 * table of the risks page needs these lists, not the catalogue.
 */
export const MEASURE_STATES = ['existing', 'planned'] as const;
export const MEASURE_STATUSES = ['todo', 'in_progress', 'done'] as const;
