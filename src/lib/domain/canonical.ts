/**
 * Canonical JSON (RFC 8785, "JCS") and SHA-256: the byte-exact form that sign-offs, the
 * audit chain and exported bundles hash, so that a third party can recompute every hash
 * with any JCS implementation and no access to this application.
 *
 * Rules, exactly:
 * - `null`, `true`, `false` as in JSON.
 * - Numbers: finite only, written as ECMAScript Number-to-String, i.e. what JSON.stringify
 *   prints (`1e+21`, `0.1`, `1.5e-7`); `-0` is written `0`. NaN and ±Infinity throw.
 * - Strings: escaped exactly as JSON.stringify escapes them (`\"`, `\\`, `\b \f \n \r \t`,
 *   other control characters as `\u00xx` lowercase, everything else verbatim). A string
 *   holding a lone UTF-16 surrogate throws: RFC 8785 requires I-JSON, and such a string
 *   cannot survive a UTF-8 database or file, so its hash could never be recomputed.
 * - Arrays: elements in order, `[a,b]`; an `undefined` element (or a hole) throws.
 * - Objects: only plain objects (prototype `Object.prototype` or `null`). Own enumerable
 *   string keys, sorted by UTF-16 code units (JavaScript's default sort), written
 *   `{"k":v,...}`. A property whose value is `undefined` is omitted, as JSON.stringify
 *   does. Symbol-keyed properties are not data and are ignored.
 * - No whitespace anywhere.
 * - Everything else throws a CanonicalizationError: bigint, functions, symbols (as values,
 *   including as property values, unlike JSON.stringify), Date, Map, Set, typed arrays,
 *   class instances, boxed primitives, cyclic structures. `toJSON` is never called: the
 *   caller converts (e.g. a Date to its ISO string) so the hashed form is explicit.
 *
 * Hashes are SHA-256 over the UTF-8 bytes of the canonical string, as lowercase hex.
 */
import { hash } from 'node:crypto';

export class CanonicalizationError extends Error {
	/** JSON-pointer-like location of the offending value, `''` for the root. */
	readonly path: string;

	constructor(message: string, path: string) {
		super(path === '' ? message : `${message} at ${path}`);
		this.name = 'CanonicalizationError';
		this.path = path;
	}
}

interface Walk {
	// Keys from the root to the value being written, joined only when an error is thrown.
	path: string[];
	open: Set<object>;
}

function fail(walk: Walk, message: string): never {
	const path = walk.path.map((k) => '/' + k.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
	throw new CanonicalizationError(message, path);
}

function describe(value: unknown): string {
	if (typeof value !== 'object' || value === null) return typeof value;
	const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)
		?.constructor?.name;
	return ctor ? `${ctor} object` : 'non-plain object';
}

function isPlainObject(value: object): value is Record<string, unknown> {
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

function writeString(value: string, walk: Walk): string {
	if (!value.isWellFormed()) fail(walk, 'String contains a lone surrogate');
	return JSON.stringify(value);
}

function writeNumber(value: number, walk: Walk): string {
	if (!Number.isFinite(value)) fail(walk, `Non-finite number ${value}`);
	// String() is Number::toString, which is also what JSON.stringify prints (-0 -> "0").
	return String(value);
}

function writeArray(value: unknown[], walk: Walk): string {
	let out = '[';
	for (let i = 0; i < value.length; i++) {
		walk.path.push(String(i));
		const item = value[i];
		if (item === undefined) fail(walk, 'undefined is not allowed in an array');
		out += (i === 0 ? '' : ',') + write(item, walk);
		walk.path.pop();
	}
	return out + ']';
}

function writeObject(value: Record<string, unknown>, walk: Walk): string {
	const keys = Object.keys(value).sort();
	let out = '{';
	let first = true;
	for (const key of keys) {
		const item = value[key];
		if (item === undefined) continue;
		walk.path.push(key);
		out += (first ? '' : ',') + writeString(key, walk) + ':' + write(item, walk);
		walk.path.pop();
		first = false;
	}
	return out + '}';
}

function write(value: unknown, walk: Walk): string {
	switch (typeof value) {
		case 'string':
			return writeString(value, walk);
		case 'number':
			return writeNumber(value, walk);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object': {
			if (value === null) return 'null';
			const isArray = Array.isArray(value);
			if (!isArray && !isPlainObject(value)) fail(walk, `Cannot canonicalize: ${describe(value)}`);
			if (walk.open.has(value)) fail(walk, 'Cyclic structure');
			walk.open.add(value);
			const out = isArray ? writeArray(value, walk) : writeObject(value, walk);
			walk.open.delete(value);
			return out;
		}
		default:
			return fail(walk, `Cannot canonicalize: ${typeof value}`);
	}
}

/** The RFC 8785 canonical JSON text of `value`; throws CanonicalizationError (see header). */
export function canonicalize(value: unknown): string {
	return write(value, { path: [], open: new Set() });
}

/** SHA-256 as lowercase hex; strings are hashed as their UTF-8 bytes. */
export function sha256Hex(data: string | Uint8Array): string {
	// One-shot hash() avoids a Hash object per call, which matters for chain verification.
	return hash('sha256', data, 'hex');
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of `canonicalize(value)`. */
export function canonicalHash(value: unknown): string {
	return sha256Hex(canonicalize(value));
}
