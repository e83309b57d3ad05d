/**
 * Finding (issue 12): "A 200-risk assessment with long texts makes report.pdf take ~60 s on
 * the request thread: every other user waits ~56 s". The layout now runs in a worker
 * thread: while such a report renders, /healthz keeps answering.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './matrix-helpers';
import { largeRisksForm, newAssessment, stepVersion } from './large-risks';

test('while a 200-risk report renders, /healthz keeps answering (median under 250 ms)', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(600_000);
	const dpo = await signIn(playwright, baseURL!, 'dpo@demo.local');
	const id = await newAssessment(dpo, 'Rapport volumineux');
	const version = await stepVersion(dpo, id, 'risks');
	const saved = await dpo.api.post(`/assessments/${id}/risks?/save`, {
		form: largeRisksForm(version),
		maxRedirects: 0,
		timeout: 120_000
	});
	expect(saved.status()).toBe(200);

	let done = false;
	const started = Date.now();
	const report = dpo.api
		.get(`/assessments/${id}/export/report.pdf`, { timeout: 300_000 })
		.finally(() => (done = true));
	const latencies: number[] = [];
	const offsets: number[] = [];
	// Sequential probes for as long as the report renders (the first one a little after
	// the request has reached the server).
	while (!done) {
		const t = Date.now();
		const health = await dpo.api.get('/healthz', { timeout: 30_000 });
		const ms = Date.now() - t;
		expect(health.status()).toBe(200);
		if (!done) {
			latencies.push(ms);
			offsets.push(t - started);
		}
	}
	const res = await report;
	const renderMs = Date.now() - started;
	expect(res.status()).toBe(200);
	expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	test.info().annotations.push({
		type: 'latency',
		description: `report.pdf ${renderMs} ms; /healthz during it (${latencies.length} calls): max ${Math.max(...latencies)} ms, median ${[...latencies].sort((a, b) => a - b)[latencies.length >> 1]} ms; slowest at ${latencies
			.map((ms, i) => [ms, offsets[i]!])
			.sort((a, b) => b[0]! - a[0]!)
			.slice(0, 5)
			.map(([ms, at]) => `${ms} ms @${at} ms`)
			.join(', ')}`
	});
	console.log(test.info().annotations.at(-1)?.description);
	// On the request thread, the render held every call for its whole length (one or two
	// probes in all, each as long as the report). Now the probes keep coming: the median is
	// that of an idle server, and only the first ones, while the record is read and the
	// model built on the request thread before the layout starts, may take longer.
	const sorted = [...latencies].sort((a, b) => a - b);
	expect(latencies.length).toBeGreaterThan(10);
	expect(sorted[sorted.length >> 1]).toBeLessThan(250);
	expect(latencies.filter((ms) => ms >= 1000).length).toBeLessThanOrEqual(2);
	for (const ms of latencies) expect(ms).toBeLessThan(5000);
	await dpo.api.dispose();
});
