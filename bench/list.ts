/**
 * `npx tsx bench/list.ts [--assessments 10000] [--requests 200]` (after `npm run build`):
 * GET /assessments on the built app with that many assessments, one client (issue 13: p95
 * <= 50 ms and <= 100 kB of HTML with 10,000 assessments); what is measured and how:
 * bench/list-bench.ts. `npm run bench` runs it too and writes its section of
 * bench/results.md.
 */
import { parseArgs } from 'node:util';
import { runListBench } from './list-bench';

const { values } = parseArgs({
	options: {
		assessments: { type: 'string', default: '10000' },
		requests: { type: 'string', default: '200' }
	}
});
await runListBench({
	assessments: Number(values.assessments),
	requests: Number(values.requests),
	progress: (line) => console.log(line)
});
