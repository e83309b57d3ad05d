/**
 * Renders a document model (report-doc.ts) as a real, editable Word document with the
 * `docx` library: headings use Word's heading styles (navigation pane, table of contents),
 * tables repeat their header row, and the risk map is a table with the level in each cell.
 */
import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Block, DocModel, Field, Section } from './report-doc';
import { xmlSafeDeep } from './xml-text';

type Child = Paragraph | Table;

const LEVEL_FILL = ['F2F2F2', 'D9D9D9', 'A6A6A6', '595959'] as const;
const LEVEL_TEXT = ['000000', '000000', '000000', 'FFFFFF'] as const;

/** Line breaks inside a value become real breaks, not a single run with "\n". */
function runs(
	text: string,
	style: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}
) {
	return text
		.split('\n')
		.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

function para(text: string, style: Parameters<typeof runs>[1] = {}, spacingAfter = 120): Paragraph {
	return new Paragraph({ children: runs(text, style), spacing: { after: spacingAfter } });
}

function cell(
	text: string,
	opts: { bold?: boolean; fill?: string; color?: string; width?: number } = {}
) {
	return new TableCell({
		children: [
			new Paragraph({ children: runs(text, { bold: opts.bold, color: opts.color, size: 18 }) })
		],
		...(opts.fill ? { shading: { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
		...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {})
	});
}

function fieldsTable(rows: Field[]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: rows.map(
			(f) =>
				new TableRow({
					children: [cell(f.label, { bold: true, width: 30 }), cell(f.value, { width: 70 })]
				})
		)
	});
}

function caption(text: string): Paragraph {
	return new Paragraph({
		children: runs(text, { bold: true }),
		spacing: { before: 160, after: 60 },
		keepNext: true
	});
}

function blockChildren(block: Block): Child[] {
	switch (block.kind) {
		case 'heading':
			return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })];
		case 'paragraph': {
			const style = {
				strong: { bold: true },
				warning: { bold: true, italics: true },
				muted: { italics: true, color: '444444' },
				mono: { bold: true },
				normal: {}
			}[block.tone ?? 'normal'];
			return [para(block.text, style)];
		}
		case 'list':
			return block.items.map(
				(item) => new Paragraph({ children: runs(item), bullet: { level: 0 } })
			);
		case 'fields':
			return [fieldsTable(block.rows), para('', {}, 60)];
		case 'table': {
			if (!block.rows.length) return [caption(block.caption), para('—', { italics: true })];
			const widths = block.widths ?? block.headers.map(() => 1);
			const total = widths.reduce((a, b) => a + b, 0);
			const pct = (i: number) => Math.round(((widths[i] ?? 1) / total) * 100);
			return [
				caption(block.caption),
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({
							tableHeader: true,
							children: block.headers.map((h, i) =>
								cell(h, { bold: true, fill: 'EEEEEE', width: pct(i) })
							)
						}),
						...block.rows.map(
							(r) =>
								new TableRow({
									children: block.headers.map((_, i) => cell(r[i] ?? '', { width: pct(i) }))
								})
						)
					]
				}),
				para('', {}, 60)
			];
		}
		case 'riskMap': {
			// Severity 4 on top, as on the drawn map; markers listed in their cell.
			const rows = [4, 3, 2, 1].map(
				(s) =>
					new TableRow({
						children: [
							cell(`${block.severityAxis} ${s}`, { bold: true, width: 16 }),
							...[1, 2, 3, 4].map((l) => {
								const c = block.cells.find((x) => x.severity === s && x.likelihood === l);
								const level = c?.level ?? 1;
								const marks = block.markers
									.filter((mk) => Math.round(mk.y) === s && Math.round(mk.x) === l)
									.map((mk) => mk.label)
									.join(' ');
								return cell(marks ? `${c?.label ?? ''}\n${marks}` : (c?.label ?? ''), {
									fill: LEVEL_FILL[level - 1],
									color: LEVEL_TEXT[level - 1],
									width: 21
								});
							})
						]
					})
			);
			const axis = new TableRow({
				children: [
					cell('', { width: 16 }),
					...[1, 2, 3, 4].map((l) =>
						cell(`${block.likelihoodAxis} ${l}`, { bold: true, width: 21 })
					)
				]
			});
			return [
				caption(block.caption),
				new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [...rows, axis] }),
				para(block.legend, { italics: true, color: '444444' })
			];
		}
	}
}

function sectionChildren(section: Section, first: boolean): Child[] {
	return [
		new Paragraph({
			text: section.title,
			heading: HeadingLevel.HEADING_1,
			pageBreakBefore: Boolean(section.newPage && !first)
		}),
		...section.blocks.flatMap(blockChildren)
	];
}

/**
 * The Word document of a model. Every text goes through `xmlSafeDeep` first, here and only
 * here: the docx library escapes markup but writes control characters as they are, and a
 * single U+000B makes the whole file unreadable to Word.
 */
export function docxDocument(model: DocModel): Document {
	const doc = xmlSafeDeep(model);
	const c = doc.cover;
	const cover: Child[] = c
		? [
				para(c.kicker, { color: '333333' }),
				new Paragraph({ text: c.title, heading: HeadingLevel.TITLE }),
				...(c.fields.length ? [fieldsTable(c.fields)] : []),
				...(c.note ? [para(''), para(c.note, c.compact ? {} : { italics: true })] : []),
				...(c.compact ? [] : [new Paragraph({ children: [new PageBreak()] })])
			]
		: [];
	return new Document({
		title: doc.title,
		subject: doc.subject,
		creator: doc.author,
		description: doc.subject,
		styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
		sections: [
			{
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.LEFT,
								children: [
									new TextRun({ text: `${doc.footer} — `, size: 14 }),
									new TextRun({
										children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
										size: 14
									})
								]
							})
						]
					})
				},
				children: [
					...cover,
					...doc.sections.flatMap((s, i) => sectionChildren(s, i === 0 && !doc.cover))
				]
			}
		]
	});
}

/** A document model as a .docx file. */
export function renderModelDocx(doc: DocModel): Promise<Buffer> {
	return Packer.toBuffer(docxDocument(doc));
}
