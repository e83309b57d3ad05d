/**
 * Renders a document model (report-doc.ts) to PDF with pdfmake, on the server, in pure
 * JavaScript: no headless browser. The risk map is drawn as vector graphics.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, DocModel, Section } from './report-doc';
import { pdfSafe } from './pdf-glyphs';

const require = createRequire(import.meta.url);

// Roboto ships with pdfmake; resolved from the package so it works both in dev and in the
// adapter-node build (where pdfmake stays an external dependency).
const fontFiles = {
	normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
	bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
	italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
	bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf')
};
const allowedFiles = new Set(Object.values(fontFiles));

let configured = false;
function configure() {
	if (configured) return;
	pdfmake.setFonts({ Roboto: fontFiles });
	// Documents are built from assessment data: never let them reach the network or any
	// file other than the fonts.
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
	configured = true;
}

/** Renders a pdfmake document definition to a PDF buffer. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
	configure();
	return pdfmake
		.createPdf({ ...definition, defaultStyle: { font: 'Roboto', ...definition.defaultStyle } })
		.getBuffer();
}

// Greys only, from light to dark, with the level name printed in each cell: the map reads
// the same in black and white and never relies on colour alone.
const LEVEL_FILL = ['#f2f2f2', '#d9d9d9', '#a6a6a6', '#595959'] as const;
const LEVEL_TEXT = ['#000000', '#000000', '#000000', '#ffffff'] as const;

/** Data tables: caption row without rule, a firm rule under the header, thin ones after. */
const TABLE_LAYOUT = {
	hLineWidth: (i: number) => (i <= 1 ? 0 : i === 2 ? 1 : 0.5),
	vLineWidth: () => 0,
	hLineColor: (i: number) => (i === 2 ? '#000000' : '#bbbbbb'),
	paddingLeft: (i: number) => (i === 0 ? 0 : 4),
	paddingRight: () => 4,
	paddingTop: () => 2,
	paddingBottom: () => 2
};

/** Label/value tables: thin rules between rows, no header rule (they have no header). */
const FIELDS_LAYOUT = {
	hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
		i === 0 || i === node.table.body.length ? 0 : 0.5,
	vLineWidth: () => 0,
	hLineColor: () => '#bbbbbb',
	paddingLeft: (i: number) => (i === 0 ? 0 : 6),
	paddingRight: () => 4,
	paddingTop: () => 2,
	paddingBottom: () => 2
};

function riskMapContent(block: Extract<Block, { kind: 'riskMap' }>): Content {
	const cell = 88;
	const left = 70;
	const top = 6;
	const size = cell * 4;
	const fills = block.cells.map((c) => ({
		type: 'rect' as const,
		x: left + (c.likelihood - 1) * cell,
		y: top + (4 - c.severity) * cell,
		w: cell,
		h: cell,
		color: LEVEL_FILL[c.level - 1],
		lineColor: '#ffffff',
		lineWidth: 1.5
	}));
	const axes = [
		{
			type: 'line' as const,
			x1: left,
			y1: top + size,
			x2: left + size,
			y2: top + size,
			lineWidth: 1
		},
		{ type: 'line' as const, x1: left, y1: top, x2: left, y2: top + size, lineWidth: 1 }
	];
	const markers = block.markers.map((mk) => ({
		type: 'ellipse' as const,
		x: left + (mk.x - 0.5) * cell,
		y: top + (4.5 - mk.y) * cell,
		r1: 4.5,
		r2: 4.5,
		lineColor: '#000000',
		lineWidth: 1,
		...(mk.residual ? { color: '#000000' } : { color: '#ffffff' })
	}));
	const at = (x: number, y: number) => ({ relativePosition: { x, y } });
	const texts: Content[] = [
		...block.cells.map((c): Content => ({
			text: c.label,
			fontSize: 7,
			color: LEVEL_TEXT[c.level - 1],
			...at(left + (c.likelihood - 1) * cell + 3, top + (4 - c.severity) * cell + 3)
		})),
		// Each label centred under its marker (Roboto 6 pt: about 3.3 pt a character), so
		// markers sharing a cell do not cover each other's labels.
		...block.markers.map((mk): Content => ({
			text: mk.label,
			fontSize: 6,
			bold: true,
			color: '#000000',
			background: '#ffffff',
			...at(left + (mk.x - 0.5) * cell - mk.label.length * 1.65, top + (4.5 - mk.y) * cell + 5)
		})),
		...[1, 2, 3, 4].map((v): Content => ({
			text: String(v),
			fontSize: 8,
			...at(left + (v - 0.5) * cell - 2, top + size + 3)
		})),
		...[1, 2, 3, 4].map((v): Content => ({
			text: String(v),
			fontSize: 8,
			...at(left - 10, top + (4.5 - v) * cell - 4)
		})),
		{
			text: block.likelihoodAxis,
			fontSize: 9,
			bold: true,
			...at(left + size / 2 - 30, top + size + 15)
		},
		{ text: block.severityAxis, fontSize: 9, bold: true, ...at(0, top + size / 2 - 5) }
	];
	return {
		unbreakable: true,
		stack: [
			{ text: block.caption, style: 'caption' },
			{
				stack: [
					// Drawn first and detached, so the texts laid over it stay readable.
					{ canvas: [...fills, ...axes, ...markers], ...at(0, 0) },
					...texts,
					// Takes the map's height in the flow.
					{
						canvas: [
							{
								type: 'rect',
								x: 0,
								y: 0,
								w: 1,
								h: top + size + 32,
								lineColor: '#ffffff',
								lineWidth: 0
							}
						]
					}
				]
			},
			{ text: block.legend, style: 'muted', margin: [0, 4, 0, 8] }
		]
	};
}

function blockContent(block: Block): Content {
	switch (block.kind) {
		case 'heading':
			return { text: block.text, style: 'h3' };
		case 'paragraph':
			return { text: block.text, style: block.tone ?? 'body' };
		case 'list':
			return { ul: block.items.map((i) => ({ text: i })), style: 'body', margin: [0, 0, 0, 6] };
		case 'fields':
			return {
				table: {
					widths: [130, '*'],
					body: block.rows.map((f) => [{ text: f.label, bold: true }, { text: f.value }])
				},
				layout: FIELDS_LAYOUT,
				style: 'table'
			};
		case 'table': {
			if (!block.rows.length) {
				return {
					stack: [
						{ text: block.caption, style: 'caption' },
						{ text: '—', style: 'muted' }
					]
				};
			}
			const cols = block.headers.length;
			const widths = block.widths ?? block.headers.map(() => 1);
			const total = widths.reduce((a, b) => a + b, 0);
			// The caption is the first header row: repeated on every page the table runs over,
			// and kept with the first data row (no caption orphaned at the foot of a page).
			return {
				table: {
					headerRows: 2,
					keepWithHeaderRows: 1,
					widths: widths.map((w) => `${((w / total) * 100).toFixed(2)}%`),
					body: [
						[
							{ text: block.caption, style: 'caption', colSpan: cols },
							...Array.from({ length: cols - 1 }, () => ({}))
						],
						block.headers.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })),
						...block.rows.map((r) => Array.from({ length: cols }, (_, i) => ({ text: r[i] ?? '' })))
					]
				},
				layout: TABLE_LAYOUT,
				style: 'table'
			};
		}
		case 'riskMap':
			return riskMapContent(block);
	}
}

function sectionContent(section: Section, first: boolean): Content[] {
	return [
		{
			text: section.title,
			style: 'h2',
			tocItem: true,
			...(section.newPage && !first ? { pageBreak: 'before' as const } : {})
		},
		...keepHeadingsWithNext(section.blocks)
	];
}

/** A sub-heading never ends a page alone: it is kept with the short block that follows. */
function keepHeadingsWithNext(blocks: Block[]): Content[] {
	const out: Content[] = [];
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i]!;
		const next = blocks[i + 1];
		if (
			block.kind === 'heading' &&
			next &&
			(next.kind === 'paragraph' || next.kind === 'fields' || next.kind === 'list')
		) {
			out.push({ stack: [blockContent(block), blockContent(next)], unbreakable: true });
			i++;
		} else {
			out.push(blockContent(block));
		}
	}
	return out;
}

export function pdfDefinition(doc: DocModel): TDocumentDefinitions {
	const c = doc.cover;
	const cover: Content[] = c
		? [
				{ text: c.kicker, style: 'kicker', margin: [0, c.compact ? 0 : 120, 0, 10] },
				{ text: c.title, style: 'title' },
				...(c.fields.length
					? [
							{
								table: {
									widths: [150, '*'],
									body: c.fields.map((f) => [{ text: f.label, bold: true }, { text: f.value }])
								},
								layout: FIELDS_LAYOUT,
								margin: [0, c.compact ? 10 : 30, 0, 20]
							} as Content
						]
					: []),
				...(c.note
					? [{ text: c.note, style: c.compact ? 'body' : 'muted', margin: [0, 8, 0, 8] } as Content]
					: []),
				...(c.compact ? [] : [{ text: '', pageBreak: 'after' as const }])
			]
		: [];
	return {
		info: { title: doc.title, subject: doc.subject, author: doc.author, creator: 'DPIA workbench' },
		language: doc.locale,
		pageSize: 'A4',
		pageMargins: [45, 50, 45, 55],
		footer: (page, pages) => ({
			columns: [
				{ text: doc.footer, fontSize: 7, color: '#555555' },
				{ text: `${page} / ${pages}`, fontSize: 7, alignment: 'right', width: 50 }
			],
			margin: [45, 20, 45, 0]
		}),
		content: [
			...cover,
			...doc.sections.flatMap((s, i) => sectionContent(s, i === 0 && !doc.cover))
		],
		styles: {
			kicker: { fontSize: 12, color: '#333333' },
			title: { fontSize: 22, bold: true },
			h2: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
			h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
			body: { fontSize: 9.5, margin: [0, 0, 0, 6] },
			strong: { fontSize: 10, bold: true, margin: [0, 0, 0, 6] },
			warning: { fontSize: 9.5, bold: true, italics: true, margin: [0, 0, 0, 6] },
			muted: { fontSize: 8.5, color: '#444444', italics: true, margin: [0, 0, 0, 6] },
			mono: { fontSize: 9, margin: [0, 2, 0, 8], bold: true },
			caption: { fontSize: 9.5, bold: true, margin: [0, 8, 0, 3] },
			table: { fontSize: 8, margin: [0, 0, 0, 8] }
		},
		defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 }
	};
}

/** A document model as a PDF. */
export function renderModelPdf(doc: DocModel): Promise<Buffer> {
	return renderPdf(pdfDefinition(pdfSafe(doc)));
}
