import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Svelte 5 runes everywhere: no legacy reactive statements.
		runes: true
	},
	kit: {
		adapter: adapter({ out: 'build' }),
		csrf: {
			// SvelteKit refuses cross-origin form posts in production builds (checked by e2e tests).
			trustedOrigins: []
		},
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'object-src': ['none'],
				'base-uri': ['none']
			}
		}
	}
};

export default config;
