/**
 * Bilingual text as stored in the catalogue: French is the reference language of the
 * product (French hospitals, French regulator), English the second one.
 */
export const LOCALES = ['fr', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

export type Localized = { fr: string; en: string };

export function isLocale(value: unknown): value is Locale {
	return value === 'fr' || value === 'en';
}

/** Picks the text for a locale; French is the fallback because it is the reference text. */
export function localize(text: Localized, locale: Locale): string {
	return text[locale] || text.fr;
}

/**
 * Returns a function choosing between a French and an English literal. Used by templates
 * that build whole documents in one language, where pairs of objects would be noise.
 */
export function translator(locale: Locale): (fr: string, en: string) => string {
	return (fr, en) => (locale === 'fr' ? fr : en);
}
