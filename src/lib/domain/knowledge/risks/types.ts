/**
 * Shapes of the risk knowledge base. Keys are stable identifiers stored in assessments and
 * exports: renaming one is a data migration, not a wording change.
 */
import type { Localized } from './localized';
import type { Rule } from './rules';
import type { Confidence, Scale } from './scales';

export const RISK_KEYS = [
	// The four risks named by the hospitals' own analysis come first.
	'historical_import',
	'us_hosting_cloud_act',
	'reminder_confidentiality',
	'vendor_lockin',
	// The three feared events of the CNIL PIA method.
	'illegitimate_access',
	'unwanted_modification',
	'data_disappearance',
	// Other risks raised by the sources.
	'data_sale',
	'wrong_appointment_placement',
	'digital_divide_exclusion',
	'identity_mismatch',
	'account_compromise',
	'excessive_staff_access'
] as const;
export type RiskKey = (typeof RISK_KEYS)[number];

export const RISK_CATEGORIES = [
	'confidentiality',
	'integrity',
	'availability',
	'lawfulness',
	'rights',
	'dependency',
	'care_quality'
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const MEASURE_KINDS = ['legal', 'organisational', 'technical'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export type Measure = { key: string; kind: MeasureKind; title: Localized };

/** Starting scores for the demonstration; every assessment re-scores them and says why. */
export type SuggestedRiskScore = { severity: Scale; likelihood: Scale; justification: Localized };

export type RiskEntry = {
	key: RiskKey;
	category: RiskCategory;
	title: Localized;
	description: Localized;
	riskSources: Localized[];
	threats: Localized[];
	impacts: Localized[];
	suggested: SuggestedRiskScore;
	measures: Measure[];
};

export const BENEFIT_KEYS = [
	'access_24_7',
	'fewer_no_shows',
	'secretaries_freed',
	'free_choice_practitioner',
	'activity_revenue',
	'visibility',
	'traceable_rescheduling',
	'management_visibility'
] as const;
export type BenefitKey = (typeof BENEFIT_KEYS)[number];

/**
 * The benefits felt by patients (benefits-patients.ts). Only these may be counted in a total
 * shown beside risks: benefits support the necessity and proportionality of the processing
 * (GDPR art. 35(7)(b)), and a hospital's revenue, image or staff time never offsets a risk
 * to patients. A custom benefit is not counted either: nothing says whom it serves.
 */
export const PATIENT_BENEFIT_KEYS: readonly BenefitKey[] = [
	'access_24_7',
	'fewer_no_shows',
	'free_choice_practitioner',
	'traceable_rescheduling'
];
export const isPatientBenefit = (key: string): boolean =>
	(PATIENT_BENEFIT_KEYS as readonly string[]).includes(key);

/** How the benefit will be checked after go-live; baselines are often still to be measured. */
export type Kpi = { metric: Localized; baseline: Localized; target: Localized; source: Localized };

export type BenefitEntry = {
	key: BenefitKey;
	title: Localized;
	description: Localized;
	suggested: { magnitude: Scale; confidence: Confidence; justification: Localized };
	kpi?: Kpi;
};

export type OptionChoice = {
	key: string;
	label: Localized;
	description: Localized;
	/** The vendor's default offer: the catalogue's suggested scores already describe it. */
	reference?: true;
	rules: Rule[];
};

export type OptionGroup = {
	key: string;
	title: Localized;
	question: Localized;
	choices: OptionChoice[];
};

/**
 * The catalogue key of a risk or a benefit the team writes itself. Here, with no catalogue
 * data around it, so that a form listing the catalogue's choices can name it without
 * loading a catalogue.
 */
export const CUSTOM_KEY = 'custom';
