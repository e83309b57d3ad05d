import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads on the first load of each page (JS + CSS, gzip), read from
 * the build's own manifest (never from timings): the client entry, then the layouts and
 * the page of the route, each with the chunks it imports.
 */
export interface PageWeight {
	route: string;
	files: number;
	gzipBytes: number;
}

const OUTPUT = '.svelte-kit/output';

function list(source: string, name: string): string[] {
	const match = new RegExp(`${name}:?\\s*=?\\s*(\\[[^\\]]*\\])`).exec(source);
	return match ? (JSON.parse(match[1]!) as string[]) : [];
}

/** The page's universal module (`+page.ts`), when it turns client-side rendering off. */
function universalCsrOff(server: string, index: number): boolean {
	const node = readFileSync(join(server, 'nodes', `${index}.js`), 'utf8');
	const universal = /import \* as universal from '([^']+)'/.exec(node)?.[1];
	if (!universal) return false;
	const source = readFileSync(join(server, 'nodes', universal), 'utf8');
	return /\bcsr\s*=\s*false/.test(source);
}

export function pageWeights(root = process.cwd()): PageWeight[] {
	const server = join(root, OUTPUT, 'server');
	const client = join(root, OUTPUT, 'client');
	const manifest = readFileSync(join(server, 'manifest.js'), 'utf8');
	const entry = /client: \{[^}]*\}/.exec(manifest)?.[0] ?? '';
	const base = [...list(entry, 'imports'), ...list(entry, 'stylesheets')];
	// A page with `csr = false` ships no script at all, only its stylesheets.
	const noScript = (index: number) =>
		/export const csr = false/.test(readFileSync(join(server, 'nodes', `${index}.js`), 'utf8')) ||
		universalCsrOff(server, index);
	const nodeFiles = (index: number) => {
		const source = readFileSync(join(server, 'nodes', `${index}.js`), 'utf8');
		return [...list(source, 'export const imports'), ...list(source, 'export const stylesheets')];
	};
	const sizes = new Map<string, number>();
	const gzipped = (file: string) => {
		let size = sizes.get(file);
		if (size === undefined) {
			size = gzipSync(readFileSync(join(client, file)), { level: 9 }).length;
			sizes.set(file, size);
		}
		return size;
	};
	const routes = [
		...manifest.matchAll(
			/id: "([^"]+)",(?:(?!id: ")[\s\S])*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/g
		)
	];
	return routes.map(([, route, layouts, leaf]) => {
		const nodes = [...layouts!.split(',').filter(Boolean).map(Number), Number(leaf)];
		const css = nodes.flatMap((n) => nodeFiles(n).filter((f) => f.endsWith('.css')));
		const files = new Set(nodes.some(noScript) ? css : [...base, ...nodes.flatMap(nodeFiles)]);
		let total = 0;
		for (const file of files) total += gzipped(file);
		return { route: route!, files: files.size, gzipBytes: total };
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { budgetLines, kb } = await import('./page-budgets');
	const lines = budgetLines(pageWeights());
	for (const l of lines) {
		const verdict = l.met ? 'met   ' : 'MISSED';
		console.log(
			`${kb(l.gzipBytes).padStart(7)} kB / ${String(l.budgetKb).padStart(3)} kB  ${verdict}  ${String(l.files).padStart(2)} files  ${l.route}`
		);
	}
	const missed = lines.filter((l) => !l.met).length;
	console.log(missed ? `${missed} page(s) over budget` : `all ${lines.length} pages within budget`);
	// A missed budget fails the command, as it fails the test.
	if (missed) process.exitCode = 1;
}
