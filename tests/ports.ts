/** The ports of one end-to-end run: the app's (E2E_PORT) and the test SMTP server's. */
export const appPort = Number(process.env.E2E_PORT || 4173);
/** Where tests/notify.e2e.ts listens as the mail server, apart from the app. */
export const smtpPort = appPort + 500;
/** The two directories (OpenID Connect providers) tests/oidc.e2e.ts starts: the hospital group's, and another. */
export const idpPort = appPort + 600;
export const otherIdpPort = appPort + 601;
