import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	// Both files: schema-review.ts holds what follows a decision (see its header).
	schema: ['./src/lib/server/db/schema.ts', './src/lib/server/db/schema-review.ts'],
	out: './drizzle',
	dialect: 'sqlite'
});
