/**
 * The benefit catalogue, weighed by the director against residual risks. Order follows
 * `BENEFIT_KEYS`; entries are split between patient-side and hospital-side files.
 */
import { ORGANISATION_BENEFITS } from './benefits-organisation';
import { PATIENT_BENEFITS } from './benefits-patients';
import { BENEFIT_KEYS, type BenefitEntry, type BenefitKey } from './types';

export { BENEFIT_KEYS, type BenefitEntry, type BenefitKey, type Kpi } from './types';

const byKey = new Map<BenefitKey, BenefitEntry>(
	[...PATIENT_BENEFITS, ...ORGANISATION_BENEFITS].map((b) => [b.key, b])
);

export const BENEFIT_CATALOGUE: readonly BenefitEntry[] = BENEFIT_KEYS.map((key) => {
	const entry = byKey.get(key);
	// Fails at import time, so a key added without its entry cannot reach production.
	if (!entry) throw new Error(`benefit_catalogue_missing_entry: ${key}`);
	return entry;
});

export function isBenefitKey(value: unknown): value is BenefitKey {
	return typeof value === 'string' && (BENEFIT_KEYS as readonly string[]).includes(value);
}

export function getBenefit(key: BenefitKey): BenefitEntry {
	const entry = byKey.get(key);
	if (!entry) throw new Error(`unknown_benefit: ${String(key)}`);
	return entry;
}
