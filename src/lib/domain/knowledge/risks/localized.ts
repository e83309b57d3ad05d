import { z } from 'zod';
import { defineSchema } from '../../define-schema';
import type { Localized } from '../localized';

/**
 * Bilingual text of the risk knowledge base: French is the reference text, English the
 * second language. The one `Localized` type of the catalogue.
 */
export type { Localized };

// A blank translation would show as an empty cell in the DPO's export: reject it.
const nonBlank = defineSchema(() => z.string().regex(/\S/, 'blank_text'));

export const localizedSchema = defineSchema(() => z.object({ fr: nonBlank, en: nonBlank }));
