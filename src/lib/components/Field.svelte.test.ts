import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import Field from './Field.svelte';
import FieldError from './FieldError.svelte';

afterEach(cleanup);

describe('Field', () => {
	it('labels its input and shows what the user typed', () => {
		render(Field, { name: 'title', label: 'Titre du projet', value: 'Prise de RDV en ligne' });
		const input = screen.getByLabelText('Titre du projet') as HTMLInputElement;
		expect(input.name).toBe('title');
		expect(input.value).toBe('Prise de RDV en ligne');
		expect(input.getAttribute('aria-invalid')).toBeNull();
		expect(input.getAttribute('aria-describedby')).toBeNull();
	});

	it('marks an invalid field and points it at its error and its hint, the typing kept', () => {
		render(Field, {
			name: 'title',
			label: 'Titre du projet',
			value: 'x'.repeat(3),
			hint: 'Un titre court',
			error: { code: 'required' }
		});
		const input = screen.getByLabelText('Titre du projet') as HTMLInputElement;
		expect(input.value).toBe('xxx');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
		expect(described).toEqual(['field-title-hint', 'field-title-error']);
		expect(document.getElementById('field-title-error')?.textContent).toBe(m.field_required());
		expect(document.getElementById('field-title-hint')?.textContent).toBe('Un titre court');
	});

	it('keeps a multi-line draft in its textarea, with the same wiring', () => {
		render(Field, {
			name: 'summary',
			label: 'Résumé',
			value: 'ligne 1\nligne 2',
			multiline: true,
			error: { code: 'too_long', max: 5 }
		});
		const area = screen.getByLabelText('Résumé') as HTMLTextAreaElement;
		expect(area.tagName).toBe('TEXTAREA');
		expect(area.value).toBe('ligne 1\nligne 2');
		expect(area.getAttribute('aria-invalid')).toBe('true');
		expect(area.getAttribute('aria-describedby')).toBe('field-summary-error');
		expect(screen.getByText(m.field_too_long({ max: 5 }))).toBeTruthy();
	});
});

describe('FieldError', () => {
	const errors = { 'purposes.0.legalBasis': { code: 'required' } };

	it('shows the error of a field or of one of its items, under the id fields point at', () => {
		const { container } = render(FieldError, { errors, path: 'purposes.0' });
		const p = container.querySelector('p.error');
		expect(p?.id).toBe('purposes-0-error');
		expect(p?.textContent).toBe(m.field_required());
	});

	it('shows nothing when exact and only an item is in error, or when nothing is', () => {
		const exact = render(FieldError, { errors, path: 'purposes.0', exact: true });
		expect(exact.container.querySelector('p.error')).toBeNull();
		const none = render(FieldError, { errors: {}, path: 'purposes.1' });
		expect(none.container.querySelector('p.error')).toBeNull();
	});
});
