/** How the e2e app is registered at the test directories (playwright.config.ts, tests/oidc.e2e.ts). */
export const OIDC_CLIENT = {
	id: 'dpia-workbench',
	secret: 'e2e-client-secret',
	// The demo organisation, by name (OIDC_ORG takes the id or the exact name).
	org: 'Centre hospitalier de démonstration',
	roleMap: 'GRP-DPO=dpo,GRP-DIRECTION=director,GRP-RSSI=security'
};
