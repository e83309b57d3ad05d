import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { noStoreEtag } from './vite/no-store-etag';

function paraglide() {
	return paraglideVitePlugin({
		project: './project.inlang',
		outdir: './src/lib/paraglide',
		// French first; the header's switch stores the choice in a cookie.
		strategy: ['cookie', 'baseLocale']
	});
}

export default defineConfig({
	plugins: [
		// Under vitest the messages are already compiled (npm run i18n) and the plugin's
		// file watcher would keep the test process from exiting.
		...(process.env.VITEST ? [] : [paraglide()]),
		noStoreEtag(),
		sveltekit()
	],

	test: {
		// Generous: the suite must pass while other work holds both cores (argon2, SQLite fsync).
		testTimeout: 120_000,
		hookTimeout: 120_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'server',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Shared components rendered in a DOM, with Svelte's client build.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					include: ['src/**/*.svelte.test.ts'],
					environment: 'jsdom'
				}
			}
		]
	}
});
