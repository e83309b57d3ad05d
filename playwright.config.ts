import { defineConfig } from '@playwright/test';
import { appPort as port, idpPort, otherIdpPort, smtpPort } from './tests/ports';
import { OIDC_CLIENT } from './tests/oidc-config';

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	// One shared database behind one server: files run in parallel, tests in a file in order.
	workers: 2,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Realistic budgets for a loaded 2-core machine (CI runs `npm test` while other work
	// holds the cores): a journey with an axe scan took 60 s there. No test waits on time;
	// these only bound how long a correct run may take.
	timeout: 180_000,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium: `npx playwright install` cannot download here.
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The built app (adapter-node), never `vite dev`: CSRF checks only run in production builds.
		command: 'bash scripts/e2e-server.sh',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe',
		// E-mail on, towards the SMTP server tests/notify.e2e.ts starts when it needs one
		// (nothing listens otherwise: mails wait and retry, as with a mail server down).
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
			NOTIFY_RETRY_BASE_MS: '1000',
			NOTIFY_POLL_MS: '250',
			// Two directories, started by tests/oidc.e2e.ts when it runs (none listens before:
			// a sign-in then meets a provider that is down).
			OIDC_PROVIDERS: 'ght,autre',
			...directory('GHT', 'ght', idpPort, 'Annuaire du GHT'),
			...directory('AUTRE', 'autre', otherIdpPort, 'Autre annuaire')
		}
	}
});

function directory(prefix: string, id: string, idp: number, label: string) {
	return {
		[`OIDC_${prefix}_ISSUER`]: `http://localhost:${idp}`,
		[`OIDC_${prefix}_CLIENT_ID`]: OIDC_CLIENT.id,
		[`OIDC_${prefix}_CLIENT_SECRET`]: OIDC_CLIENT.secret,
		[`OIDC_${prefix}_REDIRECT_URI`]: `http://localhost:${port}/login/oidc/${id}/callback`,
		[`OIDC_${prefix}_SCOPES`]: 'openid profile email groups',
		[`OIDC_${prefix}_ORG`]: OIDC_CLIENT.org,
		[`OIDC_${prefix}_ROLE_MAP`]: OIDC_CLIENT.roleMap,
		[`OIDC_${prefix}_LABEL`]: label
	};
}
