/**
 * The risk catalogue, in the order the DPO reads it: the four named risks, the three CNIL
 * feared events, then the other risks raised by the sources. Entries are split by theme
 * across files only to keep each file readable; `RISK_KEYS` fixes the order.
 */
import { CARE_RISKS } from './risks-care';
import { FEARED_EVENT_RISKS } from './risks-feared-events';
import { MISUSE_RISKS } from './risks-misuse';
import { NAMED_RISKS } from './risks-named';
import { RISK_KEYS, type RiskEntry, type RiskKey } from './types';

export {
	MEASURE_KINDS,
	RISK_CATEGORIES,
	RISK_KEYS,
	type Measure,
	type MeasureKind,
	type RiskCategory,
	type RiskEntry,
	type RiskKey
} from './types';

const byKey = new Map<RiskKey, RiskEntry>(
	[...NAMED_RISKS, ...FEARED_EVENT_RISKS, ...CARE_RISKS, ...MISUSE_RISKS].map((r) => [r.key, r])
);

export const RISK_CATALOGUE: readonly RiskEntry[] = RISK_KEYS.map((key) => {
	const entry = byKey.get(key);
	// Fails at import time, so a key added without its entry cannot reach production.
	if (!entry) throw new Error(`risk_catalogue_missing_entry: ${key}`);
	return entry;
});

export function isRiskKey(value: unknown): value is RiskKey {
	return typeof value === 'string' && (RISK_KEYS as readonly string[]).includes(value);
}

export function getRisk(key: RiskKey): RiskEntry {
	const entry = byKey.get(key);
	if (!entry) throw new Error(`unknown_risk: ${String(key)}`);
	return entry;
}
