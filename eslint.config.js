import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const KIT = {
	name: '@sveltejs/kit',
	message:
		'HTTP belongs to routes, hooks and src/lib/server/http/: data and domain modules throw their own errors.'
};
const APP = {
	group: ['$app/*'],
	message: 'SvelteKit runtime modules belong to routes, hooks, components and src/lib/server/http/.'
};
/**
 * HTTP code still outside src/lib/server/http/, each moved by another branch: the generic
 * step page and its extras (branch steps), the export endpoints' helpers (branch exports)
 * and the session cookie (branch auth). Remove a line when its file has moved.
 */
export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The app is served at the root (no `paths.base`), so plain "/…" links are correct
			// and keep working without JavaScript; resolve() would add noise, not safety.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The direction of imports is the architecture (routes -> lib/server -> lib/domain),
	// enforced here rather than by a sentence in a README.
	{
		files: ['src/lib/**/*.ts', 'src/lib/**/*.js'],
		ignores: ['src/lib/server/http/**', '**/*.svelte.ts', '**/*.svelte.js'],
		rules: { 'no-restricted-imports': ['error', { paths: [KIT], patterns: [APP] }] }
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [KIT],
					patterns: [
						APP,
						{
							regex: '^(\\$lib/server|(\\.\\./)+server)(/|$)',
							message: 'lib/domain is the method in plain TypeScript: no database, no server code.'
						},
						{
							regex: '^(\\$lib/paraglide|(\\.\\./)+paraglide)(/|$)',
							message:
								'lib/domain carries its own texts ({ fr, en }); UI messages belong to the pages.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);
