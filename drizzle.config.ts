import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	// Apart from schema.ts: what follows a decision (review), the directory sign-in (oidc),
	// the security findings and the e-mail outbox.
	schema: [
		'./src/lib/server/db/schema.ts',
		'./src/lib/server/db/schema-review.ts',
		'./src/lib/server/db/schema-oidc.ts',
		'./src/lib/server/db/schema-findings.ts',
		'./src/lib/server/db/schema-outbox.ts'
	],
	out: './drizzle',
	dialect: 'sqlite'
});
