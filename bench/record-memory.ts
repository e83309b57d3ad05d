/**
 * `npm run bench:record -- [--entries 1000] [--views 1000] [--warmup 200]` (after
 * `npm run build`): the decision record page of an analysis with a long history, viewed
 * again and again on the built app (issue 13: RSS growth ≤ 20 MB over 1,000 views); what is
 * measured and why: bench/record-memory-bench.ts. `npm run bench` runs it too and writes
 * its section of bench/results.md.
 */
import { parseArgs } from 'node:util';
import { recordLines, runRecordMemory } from './record-memory-bench';

const { values } = parseArgs({
	options: {
		entries: { type: 'string', default: '1000' },
		views: { type: 'string', default: '1000' },
		warmup: { type: 'string', default: '200' }
	}
});
const result = await runRecordMemory({
	entries: Number(values.entries),
	views: Number(values.views),
	warmup: Number(values.warmup)
});
for (const line of recordLines(result)) console.log(line);
