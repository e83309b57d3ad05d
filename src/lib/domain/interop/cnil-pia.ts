/**
 * Interoperability with the CNIL's PIA software (LINCnil/pia): reading its JSON export into
 * workbench steps and writing an assessment back in that format. The mapping table is in
 * docs/cnil-pia-mapping.md.
 */
export * from './cnil-pia-format';
export * from './cnil-pia-import';
export * from './cnil-pia-export';
export * from './cnil-pia-mapping';
export {
	NOTE_PREFIX,
	parseNote,
	makeNotes,
	noteLabel,
	collectNotes,
	type NoteRef,
	type ParsedNote
} from './cnil-pia-notes';
export { parseSections, formatSections, type Section } from './cnil-pia-sections';
export { htmlToText, textToHtml, normaliseText } from './html-text';
export * from './cnil-pia-report';
export * from './cnil-pia-limits';
