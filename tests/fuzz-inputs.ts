/**
 * The malformed inputs of the fuzzing test (fuzz.e2e.ts), as fast-check arbitraries: form
 * bodies in every encoding the server may meet (and broken ones), route parameters and
 * query strings.
 */
import fc from 'fast-check';

export const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const HUGE = enc('é'.repeat(500_000)); // 1 MB of UTF-8

/** Field names the forms use, the nested-form syntax, and names that probe the parser. */
const NAMES = [
	'version',
	'status',
	'signedBy',
	'signedAt',
	'orgId',
	'userId',
	'role',
	'title',
	'description',
	'template',
	'body',
	'file',
	'email',
	'name',
	'password',
	'current',
	'confirm',
	'orgName',
	'findingId',
	'severity',
	'asset',
	'evidence',
	'recommendation',
	'riskIds',
	'evaluationComment',
	'actionPlanComment',
	'locale',
	'redirectTo',
	'q',
	'_remove',
	'purposes.0.legalBasis',
	'risks.0.title',
	'n:risks.0.likelihood',
	'b:risks.0.custom',
	'a:rows.0.flags',
	'l:rows.0.reason',
	'rows.0.service',
	'scenarios.0.name',
	'risks.99999999.title',
	'risks.-1.title',
	'risks.1e9.title',
	'__proto__.polluted',
	'constructor.prototype.polluted',
	'a.__proto__.b',
	'x:y',
	'..',
	''
];

/** Values: wrong types, edge numbers, control and lone-surrogate bytes, markup, 1 MB. */
const VALUES = [
	'',
	'-1',
	'0',
	'1',
	'1.5',
	'1e309',
	'999999999999999999999',
	'NaN',
	'true',
	'null',
	'[]',
	'{}',
	'{"__proto__":{"polluted":1}}',
	'signed',
	'approved',
	'acceptable',
	'admin',
	'2026-02-30',
	'../../../etc/passwd',
	'a\r\nb\u0000c',
	'<script>window.__xss=1</script>',
	'=HYPERLINK("http://x")',
	'\u202E\uFEFF'
].map(enc);

const bytes = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...VALUES) },
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(enc) },
	// Invalid UTF-8: lone surrogates as encoded by CESU (ED A0 80), NUL, stray bytes.
	{
		weight: 2,
		arbitrary: fc
			.array(fc.constantFrom([0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0x00], [0xff], [0xc3]), {
				maxLength: 6
			})
			.map((parts) => new Uint8Array(parts.flat()))
	},
	{ weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) }
);

const names = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...NAMES) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }
);

type Field = { name: string; value: Uint8Array; file?: { filename: Uint8Array; type: string } };

const field: fc.Arbitrary<Field> = fc.record(
	{
		name: names,
		value: bytes,
		file: fc.record({
			filename: fc.oneof(
				fc.constantFrom(
					...['motifs.csv', 'a.pdf', '', '../../x.csv', 'x".csv', 'a\r\nb.csv'].map(enc)
				),
				bytes
			),
			type: fc.constantFrom('text/csv', 'application/pdf', '', 'text/html', 'x/y; a="')
		})
	},
	{ requiredKeys: ['name', 'value'] }
);

type Encoding = 'urlencoded' | 'multipart' | 'broken-multipart' | 'json' | 'text';

interface Body {
	encoding: Encoding;
	fields: Field[];
	/** The same name sent twice or more: an array where a scalar is expected. */
	repeat: number;
	huge: string | null;
	/**
	 * How the answer is asked for: as the page (a refused form re-renders it with what was
	 * typed), or as JSON like `use:enhance` (SvelteKit then answers 200 with the failure's
	 * status inside). Mostly JSON: rendering the page for every case would be slow.
	 */
	json: boolean;
}

export const body: fc.Arbitrary<Body> = fc.record({
	encoding: fc.constantFrom<Encoding>(
		'urlencoded',
		'urlencoded',
		'multipart',
		'multipart',
		'broken-multipart',
		'json',
		'text'
	),
	fields: fc.array(field, { maxLength: 8 }),
	repeat: fc.nat({ max: 3 }),
	json: fc.constantFrom(true, true, true, true, false),
	// One case in fifteen also carries a 1 MB value in a field the forms read.
	huge: fc.option(fc.constantFrom('title', 'body', 'description', 'risks.0.title', 'file'), {
		freq: 14
	})
});

const HUGE_PERCENT = '%C3%A9'.repeat(500_000);

export function percent(b: Uint8Array): string {
	if (b === HUGE) return HUGE_PERCENT;
	return [...b]
		.map((c) =>
			/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(c))
				? String.fromCharCode(c)
				: `%${c.toString(16).padStart(2, '0')}`
		)
		.join('');
}

/** The raw request: bytes and content type exactly as generated, never normalised. */
export function encode(b: Body): { type: string; data: Buffer } {
	const fields = b.fields.flatMap((f) =>
		Array.from({ length: 1 + (f.name ? b.repeat : 0) }, () => f)
	);
	if (b.huge) fields.push({ name: b.huge, value: HUGE });
	switch (b.encoding) {
		case 'urlencoded':
			return {
				type: 'application/x-www-form-urlencoded',
				data: Buffer.from(
					fields.map((f) => `${percent(enc(f.name))}=${percent(f.value)}`).join('&')
				)
			};
		case 'json':
			return {
				type: 'application/json',
				data: Buffer.from(
					JSON.stringify(
						Object.fromEntries(fields.map((f) => [f.name, Buffer.from(f.value).toString()]))
					)
				)
			};
		case 'text':
			return {
				type: 'text/plain',
				data: Buffer.from(
					fields.map((f) => `${f.name}=${Buffer.from(f.value).toString()}`).join('\r\n')
				)
			};
		default: {
			const boundary = 'fuzz' + Math.abs(fields.length * 7919).toString(36);
			const parts = fields.map((f) =>
				Buffer.concat([
					Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"`),
					...(f.file
						? [
								Buffer.from('; filename="'),
								f.file.filename,
								Buffer.from(`"\r\nContent-Type: ${f.file.type}`)
							]
						: []),
					Buffer.from('\r\n\r\n'),
					f.value,
					Buffer.from('\r\n')
				])
			);
			const end = b.encoding === 'broken-multipart' ? `--${boundary}` : `--${boundary}--\r\n`;
			return {
				type: `multipart/form-data; boundary=${boundary}`,
				data: Buffer.concat([...parts, Buffer.from(end)])
			};
		}
	}
}

/** Route parameters and query strings: garbage ids and percent-encoded bytes. */
export const segment = fc.oneof(
	fc.constantFrom('context', 'nope', '..', '%', '%ZZ', '%ED%A0%80', '%00', 'a'.repeat(3000)),
	fc.string({ unit: 'binary', maxLength: 40 }).map((s) => percent(enc(s)) || 'x')
);
export const query = fc.array(
	fc.tuple(
		names,
		bytes.filter((v) => v.length < 10_000)
	),
	{ maxLength: 4 }
);
