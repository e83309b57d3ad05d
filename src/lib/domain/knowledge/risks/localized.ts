import { z } from 'zod';

/**
 * Bilingual text of the risk knowledge base: French is the reference text, English the
 * second language. Structurally identical to the shared `Localized` type of the catalogue,
 * so values flow between the two without conversion.
 */
export type Localized = { fr: string; en: string };

// A blank translation would show as an empty cell in the DPO's export: reject it.
const nonBlank = z.string().regex(/\S/, 'blank_text');

export const localizedSchema = z.object({ fr: nonBlank, en: nonBlank });
