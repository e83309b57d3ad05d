/**
 * The routes, actions and endpoints as the file system declares them, read from the source
 * files with the TypeScript parser: the authorization matrix requests every one of them,
 * so a route added without its row in the matrix fails the test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const ROUTES = join(ROOT, 'src/routes');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

export interface Endpoint {
	/** The policy key: `GET /route`, `POST /route`, `POST /route?/action`. */
	key: string;
	method: string;
	routeId: string;
	action?: string;
	file: string;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function routeIdOf(dir: string): string {
	const rel = relative(ROUTES, dir).split('\\').join('/');
	return rel === '' ? '/' : `/${rel}`;
}

function isExported(node: ts.Node): boolean {
	return (
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function unwrap(e: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e))
		e = e.expression;
	return e;
}

/** Where an imported name comes from ($lib and relative imports of .ts files). */
function resolveImport(sf: ts.SourceFile, name: string): string {
	for (const stmt of sf.statements) {
		if (!ts.isImportDeclaration(stmt) || !stmt.importClause?.namedBindings) continue;
		const bindings = stmt.importClause.namedBindings;
		if (!ts.isNamedImports(bindings)) continue;
		if (!bindings.elements.some((el) => el.name.text === name)) continue;
		const spec = (stmt.moduleSpecifier as ts.StringLiteral).text;
		const base = spec.startsWith('$lib/')
			? join(ROOT, 'src/lib', spec.slice(5))
			: resolve(dirname(sf.fileName), spec);
		for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
			if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		}
	}
	throw new Error(`${sf.fileName}: cannot resolve the import of ${name}`);
}

/** The keys of an action object literal, following `...helper(…)` spreads to their source. */
function objectKeys(sf: ts.SourceFile, obj: ts.ObjectLiteralExpression): string[] {
	return propertyKeys(sf, obj.properties);
}

function propertyKeys(sf: ts.SourceFile, properties: readonly ts.ObjectLiteralElementLike[]) {
	return properties.flatMap((p): string[] => {
		if (ts.isSpreadAssignment(p)) {
			let call = unwrap(p.expression);
			if (ts.isIdentifier(call)) call = localConst(sf, call.text) ?? call;
			if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) {
				throw new Error(`${sf.fileName}: cannot read the spread ${p.getText(sf)}`);
			}
			const fn = call.expression.text;
			const local = sf.statements.some((s) => ts.isFunctionDeclaration(s) && s.name?.text === fn);
			return returnedKeys(local ? sf.fileName : resolveImport(sf, fn), fn);
		}
		const name = p.name;
		if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return [name.text];
		throw new Error(`${sf.fileName}: cannot read the action ${p.getText(sf)}`);
	});
}

/** The initializer of a top-level `const name = …` of this file. */
function localConst(sf: ts.SourceFile, name: string): ts.Expression | undefined {
	for (const stmt of sf.statements) {
		if (!ts.isVariableStatement(stmt)) continue;
		for (const d of stmt.declarationList.declarations) {
			if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
				return unwrap(d.initializer);
			}
		}
	}
	return undefined;
}

function returnedKeys(file: string, fn: string): string[] {
	const { sf, value } = returnedObject(file, fn);
	return objectKeys(sf, value);
}

/** A name exported from `export const { load, actions } = factory(def)`: the factory call. */
class Destructured {
	constructor(readonly call: ts.CallExpression) {}
}

/** The object literal a file's top-level function `fn` returns, and its first parameter. */
function returnedObject(file: string, fn: string) {
	const sf = parse(file);
	const decl = sf.statements.find(
		(s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === fn
	);
	const ret = decl?.body?.statements.find(ts.isReturnStatement);
	const value = ret?.expression && unwrap(ret.expression);
	if (!decl || !value || !ts.isObjectLiteralExpression(value)) {
		throw new Error(`${file}: ${fn} does not return an object literal`);
	}
	const param = decl.parameters[0]?.name;
	return { sf, value, param: param && ts.isIdentifier(param) ? param.text : undefined };
}

/** The value of the property `name` in an object literal, if written there. */
function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
	for (const p of obj.properties) {
		if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name) {
			return unwrap(p.initializer);
		}
	}
	return undefined;
}

/**
 * `export const { load, actions } = defineStepPage(risksStep)`: the keys of the `actions`
 * literal the factory returns, where a spread of `<its parameter>.actions` stands for the
 * `actions` written in the definition passed to it (`risksStep`, found through its import,
 * written as an object literal or as `defineStep({ … })`).
 */
function factoryActionKeys(sf: ts.SourceFile, call: ts.CallExpression): string[] {
	if (!ts.isIdentifier(call.expression)) throw new Error(`${sf.fileName}: unreadable factory`);
	const factory = returnedObject(resolveImport(sf, call.expression.text), call.expression.text);
	const actions = propertyOf(factory.value, 'actions');
	if (!actions || !ts.isObjectLiteralExpression(actions)) {
		throw new Error(`${factory.sf.fileName}: the factory's actions must be an object literal`);
	}
	const ownKeys = (p: ts.ObjectLiteralElementLike) => {
		const spread = ts.isSpreadAssignment(p) ? unwrap(p.expression) : undefined;
		const arg = spread && ts.isCallExpression(spread) ? spread.arguments[0] : undefined;
		return !!arg && !!factory.param && arg.getText(factory.sf) === `${factory.param}.actions`;
	};
	return actions.properties.flatMap((p) =>
		ownKeys(p) ? definitionActionKeys(sf, call.arguments[0]) : propertyKeys(factory.sf, [p])
	);
}

function definitionActionKeys(sf: ts.SourceFile, arg: ts.Expression | undefined): string[] {
	if (!arg || !ts.isIdentifier(arg)) throw new Error(`${sf.fileName}: pass the definition by name`);
	const defSf = parse(resolveImport(sf, arg.text));
	let def = localConst(defSf, arg.text);
	if (def && ts.isCallExpression(def) && def.arguments[0]) def = unwrap(def.arguments[0]);
	if (!def || !ts.isObjectLiteralExpression(def)) {
		throw new Error(`${defSf.fileName}: ${arg.text} must be an object literal or defineStep({…})`);
	}
	const actions = propertyOf(def, 'actions');
	if (!actions) return [];
	if (!ts.isObjectLiteralExpression(actions)) {
		throw new Error(`${defSf.fileName}: the actions of ${arg.text} must be an object literal`);
	}
	return objectKeys(defSf, actions);
}

function exportedConsts(sf: ts.SourceFile): Map<string, ts.Expression | Destructured | undefined> {
	const found = new Map<string, ts.Expression | Destructured | undefined>();
	for (const stmt of sf.statements) {
		if (!isExported(stmt)) continue;
		if (ts.isVariableStatement(stmt)) {
			for (const d of stmt.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) found.set(d.name.text, d.initializer);
				if (ts.isObjectBindingPattern(d.name)) {
					const call = d.initializer && unwrap(d.initializer);
					if (!call || !ts.isCallExpression(call)) {
						throw new Error(`${sf.fileName}: destructure exports from a factory call only`);
					}
					for (const el of d.name.elements) {
						if (ts.isIdentifier(el.name)) found.set(el.name.text, new Destructured(call));
					}
				}
			}
		} else if (ts.isFunctionDeclaration(stmt) && stmt.name) {
			found.set(stmt.name.text, undefined);
		} else if (ts.isExportDeclaration(stmt)) {
			throw new Error(`${sf.fileName}: re-exports are not read by the matrix; export directly`);
		}
	}
	return found;
}

/** Every page, action and endpoint under src/routes, read from the source files. */
export function discoverEndpoints(): Endpoint[] {
	const files = walk(ROUTES);
	const out: Endpoint[] = [];
	const add = (method: string, file: string, action?: string) => {
		const routeId = routeIdOf(dirname(file));
		const key =
			action && action !== 'default' ? `${method} ${routeId}?/${action}` : `${method} ${routeId}`;
		if (!out.some((e) => e.key === key)) out.push({ key, method, routeId, action, file });
	};
	for (const file of files) {
		const name = file.split('/').pop();
		if (name === '+page.svelte' || name === '+page.ts' || name === '+page.server.ts') {
			add('GET', file);
		}
		if (name === '+page.server.ts') {
			const sf = parse(file);
			const actions = exportedConsts(sf).get('actions');
			if (actions === undefined && exportedConsts(sf).has('actions')) {
				throw new Error(`${file}: actions must be an object literal`);
			}
			if (actions instanceof Destructured) {
				for (const action of factoryActionKeys(sf, actions.call)) add('POST', file, action);
			} else if (actions) {
				const obj = unwrap(actions);
				if (!ts.isObjectLiteralExpression(obj)) {
					throw new Error(`${file}: actions must be an object literal`);
				}
				for (const action of objectKeys(sf, obj)) add('POST', file, action);
			}
		}
		if (name === '+server.ts' || name === '+server.js') {
			for (const exported of exportedConsts(parse(file)).keys()) {
				if (METHODS.includes(exported)) add(exported, file);
			}
		}
	}
	return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** The path to request for a route id, its parameters filled in. */
export function pathOf(routeId: string, params: Record<string, string>, action?: string): string {
	const path = routeId
		.split('/')
		.filter((seg) => !/^\(.+\)$/.test(seg))
		.map((seg) => {
			const m = /^\[(\w+)\]$/.exec(seg);
			if (!m) return seg;
			const value = params[m[1]!];
			if (value === undefined) throw new Error(`no value for [${m[1]}] in ${routeId}`);
			return encodeURIComponent(value);
		})
		.join('/');
	return (path || '/') + (action && action !== 'default' ? `?/${action}` : '');
}
