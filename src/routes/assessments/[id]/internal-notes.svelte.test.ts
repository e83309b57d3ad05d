/**
 * The internal notes (never printed in the patient notice) go through the step forms: a
 * stored note is rendered in its field and comes back on a save, so saving a page without
 * touching it no longer deletes the template's notes. The forms are rendered in a DOM, read
 * with FormData as a browser posts them, and parsed as the server parses them.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { contextSchema } from '$lib/domain/method/context';
import { principlesSchema } from '$lib/domain/method/principles';
import { parseNestedForm } from '$lib/server/http/nested-form';
import PurposesList from './context/PurposesList.svelte';
import Retention from './principles/Retention.svelte';
import Rights from './principles/Rights.svelte';
import { toView } from './principles/view';

afterEach(cleanup);

function mountForm(): HTMLFormElement {
	const form = document.createElement('form');
	document.body.appendChild(form);
	return form;
}

/** What the server reads from the form as it stands now. */
const posted = (form: HTMLFormElement) => parseNestedForm(new FormData(form));

function field(label: string, index: number): HTMLTextAreaElement {
	return screen.getAllByLabelText(label)[index] as HTMLTextAreaElement;
}

/** The element ids a field's aria-describedby points at, and their text. */
function description(el: HTMLElement): string {
	return (el.getAttribute('aria-describedby') ?? '')
		.split(' ')
		.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
		.join(' ');
}

describe('internal note of a purpose (context step)', () => {
	const stored = [
		{
			text: 'Prendre, déplacer et annuler un rendez-vous en ligne.',
			legalBasis: 'public_task' as const,
			involvesHealthData: false
		},
		{
			text: 'Reprendre l’historique des rendez-vous.',
			legalBasis: 'public_task' as const,
			involvesHealthData: false,
			internalNote: 'Base légale à discuter avec le juriste.'
		}
	];

	function renderPurposes() {
		const form = mountForm();
		render(PurposesList, { target: form, props: { rows: stored, errors: {}, locale: 'fr' } });
		return form;
	}

	it('is shown in a labelled field whose hint says it is never printed in the notice', () => {
		renderPurposes();
		const note = field(m.context_purpose_internal_note(), 1);
		expect(note.value).toBe('Base légale à discuter avec le juriste.');
		expect(field(m.context_purpose_internal_note(), 0).value).toBe('');
		expect(description(note)).toBe(m.context_purpose_internal_note_hint());
		expect(m.context_purpose_internal_note()).toContain('jamais imprimée');
	});

	it('comes back unchanged when the page is saved untouched; an emptied note is dropped', () => {
		const form = renderPurposes();
		const purposes = contextSchema.shape.purposes.parse(posted(form).purposes);
		expect(purposes).toEqual(stored);

		field(m.context_purpose_internal_note(), 1).value = '   ';
		field(m.context_purpose_internal_note(), 0).value = 'Finalité validée en comité.';
		const edited = contextSchema.shape.purposes.parse(posted(form).purposes);
		expect(edited[0]?.internalNote).toBe('Finalité validée en comité.');
		// Absent, as JSON stores and hashes it: an undefined property is omitted (canonical.ts).
		expect(edited[1]?.internalNote).toBeUndefined();
	});

	it('alone in a blank row still makes a row, refused for its missing purpose text', () => {
		const form = renderPurposes();
		field(m.context_purpose_internal_note(), 2).value = 'Note sans finalité';
		const result = contextSchema.shape.purposes.safeParse(posted(form).purposes);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('2.text');
	});
});

describe('internal notes of the principles step (retention rows, rights)', () => {
	const stored = {
		retention: [
			{
				category: 'Données de rendez-vous',
				period: '3 mois après le rendez-vous',
				justification: 'Réclamations et reports.',
				internalNote: 'Durée à confirmer avec l’éditeur.'
			},
			{ category: 'Journaux d’accès', period: '6 mois', justification: '' }
		],
		rights: {
			information: 'Affiches en salle d’attente.',
			access: 'Écrire au délégué à la protection des données.',
			rectification: '',
			erasure: '',
			restriction_objection: '',
			portability: '',
			internalNote: 'Circuit des demandes à revoir avec le bureau des admissions.'
		}
	};

	function renderPrinciples() {
		const form = mountForm();
		const view = toView(stored);
		render(Retention, { target: form, props: { rows: view.retention, errors: {} } });
		render(Rights, { target: form, props: { rights: view.rights, errors: {}, locale: 'fr' } });
		return form;
	}

	it('are shown in labelled fields whose hints say they stay out of the notice', () => {
		renderPrinciples();
		const row = field(
			m.principles_cell_label({ column: m.principles_ret_internal_note(), row: 1 }),
			0
		);
		expect(row.value).toBe('Durée à confirmer avec l’éditeur.');
		expect(description(row)).toBe(m.principles_retention_printed_hint());
		const rights = screen.getByLabelText(
			m.principles_rights_internal_note()
		) as HTMLTextAreaElement;
		expect(rights.value).toBe('Circuit des demandes à revoir avec le bureau des admissions.');
		expect(description(rights)).toBe(m.principles_rights_internal_note_hint());
	});

	it('come back unchanged when the page is saved untouched', () => {
		const form = renderPrinciples();
		const draft = posted(form);
		expect(principlesSchema.shape.retention.parse(draft.retention)).toEqual(stored.retention);
		expect(principlesSchema.shape.rights.parse(draft.rights)).toEqual(stored.rights);
	});

	it('an emptied rights note is dropped, not stored as an empty text', () => {
		const form = renderPrinciples();
		(screen.getByLabelText(m.principles_rights_internal_note()) as HTMLTextAreaElement).value = '';
		const rights = principlesSchema.shape.rights.parse(posted(form).rights);
		expect(rights.internalNote).toBeUndefined();
		expect(rights.access).toBe(stored.rights.access);
	});
});
