import { LOCALES, type Locale } from './localized';

/**
 * ISO 3166-1 alpha-2 codes (officially assigned). Names are not stored: the UI renders them
 * with Intl.DisplayNames in the user's locale, which keeps this list language-free.
 */
const ISO_CODES =
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
	'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
	'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
	'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
	'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
	'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
	'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
	'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
	'VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_CODES.split(' '));

/**
 * EEA members, plus the EU outermost regions that carry their own ISO code (French overseas
 * departments, Saint-Martin) and Åland: data stored there has not left the GDPR area, so it
 * is not a chapter V transfer.
 */
const EEA = new Set(
	(
		'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
		'IS LI NO GF GP MQ RE YT MF AX'
	).split(' ')
);

export function isCountryCode(value: string): boolean {
	return COUNTRY_CODES.has(value);
}

export function isEeaCountry(code: string): boolean {
	return EEA.has(code);
}

const optionsCache = new Map<Locale, { code: string; name: string }[]>();

/** ISO countries named in `locale` with their code ("Irlande (IE)"), sorted by name. */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
	let options = optionsCache.get(locale);
	if (!options) {
		const names = new Intl.DisplayNames([locale], { type: 'region' });
		options = [...COUNTRY_CODES]
			.map((code) => ({ code, name: `${names.of(code) ?? code} (${code})` }))
			.sort((a, b) => a.name.localeCompare(b.name, locale));
		optionsCache.set(locale, options);
	}
	return options;
}

/** Lower case, without accents, apostrophes or repeated spaces: how a name is looked up. */
const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[’'`-]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();

let byName: Map<string, string> | null = null;

/** Every country's name in every UI language, folded, to its code. */
function codesByName(): Map<string, string> {
	if (!byName) {
		byName = new Map();
		// The suggestions' names without their " (XX)".
		for (const locale of LOCALES)
			for (const { code, name } of countryOptions(locale))
				byName.set(fold(name.slice(0, -5)), code);
	}
	return byName;
}

/**
 * The ISO code a user meant by what they typed in a country field: the code itself in any
 * case ("ie"), a suggestion of the list ("Irlande (IE)", the code in brackets decides), or
 * a country's name in French or English, accents and case aside ("irlande", "Ireland").
 * Null when it names no country: the caller keeps the text for the user to correct.
 */
export function countryCodeOf(typed: string): string | null {
	const text = typed.trim();
	const bracketed =
		/\(([A-Za-z]{2})\)$/.exec(text)?.[1] ?? (/^[A-Za-z]{2}$/.test(text) ? text : null);
	if (bracketed && COUNTRY_CODES.has(bracketed.toUpperCase())) return bracketed.toUpperCase();
	return codesByName().get(fold(text)) ?? null;
}

/** What a country field shows for a stored value: its label for a code, else the text as is. */
export function countryText(locale: Locale, value: unknown): string {
	if (typeof value !== 'string') return '';
	if (!COUNTRY_CODES.has(value)) return value;
	return countryOptions(locale).find((c) => c.code === value)?.name ?? value;
}
