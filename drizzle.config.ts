import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	// schema-review.ts holds what follows a decision, schema-oidc.ts the directory sign-in.
	schema: [
		'./src/lib/server/db/schema.ts',
		'./src/lib/server/db/schema-review.ts',
		'./src/lib/server/db/schema-oidc.ts'
	],
	out: './drizzle',
	dialect: 'sqlite'
});
