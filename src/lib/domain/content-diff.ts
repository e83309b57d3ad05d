/**
 * What changed between two versions of an assessment's content, as a list of leaf
 * changes a reader can follow ("steps.risks.data.risks[id=us_hosting].likelihood: 3 → 2").
 * Lists whose items carry an `id` are matched by id, so inserting a risk does not show
 * every following risk as changed; other lists are compared position by position.
 */
import { canonicalize } from './canonical';

export interface Change {
	path: string;
	kind: 'added' | 'removed' | 'changed';
	before: unknown;
	after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
	return canonicalize(a ?? null) === canonicalize(b ?? null);
}

function keyed(list: unknown[]): Map<string, unknown> | null {
	const map = new Map<string, unknown>();
	for (const item of list) {
		if (!isObject(item) || typeof item.id !== 'string' || map.has(item.id)) return null;
		map.set(item.id, item);
	}
	return map;
}

function join(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}

export function diffContent(before: unknown, after: unknown, path = ''): Change[] {
	if (same(before, after)) return [];
	if (isObject(before) && isObject(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
		return keys.flatMap((k) => {
			if (!Object.hasOwn(after, k))
				return [
					{ path: join(path, k), kind: 'removed' as const, before: before[k], after: undefined }
				];
			if (!Object.hasOwn(before, k))
				return [
					{ path: join(path, k), kind: 'added' as const, before: undefined, after: after[k] }
				];
			return diffContent(before[k], after[k], join(path, k));
		});
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		const a = keyed(before);
		const b = keyed(after);
		if (a && b) {
			const ids = [...new Set([...a.keys(), ...b.keys()])];
			return ids.flatMap((id) => {
				const p = `${path}[id=${id}]`;
				if (!b.has(id))
					return [{ path: p, kind: 'removed' as const, before: a.get(id), after: undefined }];
				if (!a.has(id))
					return [{ path: p, kind: 'added' as const, before: undefined, after: b.get(id) }];
				return diffContent(a.get(id), b.get(id), p);
			});
		}
		const n = Math.max(before.length, after.length);
		const out: Change[] = [];
		for (let i = 0; i < n; i++) {
			const p = `${path}[${i}]`;
			if (i >= after.length)
				out.push({ path: p, kind: 'removed', before: before[i], after: undefined });
			else if (i >= before.length)
				out.push({ path: p, kind: 'added', before: undefined, after: after[i] });
			else out.push(...diffContent(before[i], after[i], p));
		}
		return out;
	}
	return [{ path, kind: 'changed', before, after }];
}
