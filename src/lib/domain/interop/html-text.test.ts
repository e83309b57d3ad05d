import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, normaliseText, textToHtml } from './html-text';

describe('htmlToText', () => {
	it('keeps words, line breaks and list items, drops the markup', () => {
		expect(
			htmlToText(
				'<div>Le <strong>PIA</strong> porte&nbsp;sur :</div>\n<ul>\n<li>un <em>moniteur</em> ;</li>\n<li>une appli.</li>\n</ul><ol><li>un</li><li>deux</li></ol>a<br />b &amp;lt; c'
			)
		).toBe('Le PIA porte sur :\n\n- un moniteur ;\n- une appli.\n\n1. un\n2. deux\n\na\nb &lt; c');
	});

	it('ignores source line breaks, comments and script content', () => {
		expect(htmlToText('un\ndeux <!-- note --><script>alert(1)</script>trois')).toBe(
			'un deux trois'
		);
	});

	it('reads numeric entities and leaves unknown ones as they are', () => {
		expect(htmlToText('&#233;t&#xE9; &unknown; &#0;')).toBe('été &unknown; &#0;');
	});

	it('leaves a lone "<" that opens no tag', () => {
		expect(htmlToText('3 < 4 et 5 <6')).toBe('3 < 4 et 5 <6');
	});
});

describe('textToHtml / htmlToText', () => {
	const text = fc
		.array(
			fc.oneof(
				fc.string(),
				fc.constantFrom(
					'\n',
					'\n\n',
					'<b>',
					'&amp;',
					'&nbsp;',
					' - ',
					'\u00a0',
					'\r\n',
					'é',
					'<br />'
				)
			),
			{ maxLength: 20 }
		)
		.map((parts) => parts.join(''));

	it('gives back any normalised text unchanged (no text lost in a round trip)', () => {
		fc.assert(
			fc.property(text, (raw) => {
				const t = normaliseText(raw);
				expect(htmlToText(textToHtml(t))).toBe(t);
			})
		);
	});

	it('is stable after one import: import(export(import(html))) = import(html)', () => {
		fc.assert(
			fc.property(text, (html) => {
				const once = htmlToText(html);
				expect(htmlToText(textToHtml(once))).toBe(once);
			})
		);
	});
});
