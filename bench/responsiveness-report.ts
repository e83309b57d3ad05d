/** The responsiveness benchmark's section of bench/results.md (also printed to stdout). */
import { slowest, stats, type Measured } from './probes';

export const LOAD_LIMIT = 1.5;

export interface Scenario {
	name: string;
	/** p99 targets in ms (issues 12 and 13); null for the idle baseline. */
	target: { healthz: number; page: number } | null;
	loadBefore: number;
	/** CPU the app process (all its threads, workers included) used during the scenario. */
	appCpuSeconds: number | null;
	measured: Measured;
}

export interface ResponsivenessRun {
	command: string;
	date: string;
	machine: string;
	entries: number;
	assessments: number;
	pauseMs: number;
	setup: string;
	scenarios: Scenario[];
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : `${Math.round(n)}`);

function verdict(s: Scenario): { p99: string; max: string } {
	if (!s.target) return { p99: '(reference)', max: '' };
	const h = stats(s.measured.probes, 'healthz');
	const p = stats(s.measured.probes, 'page');
	if (!s.measured.heavy.ok) return { p99: '**heavy request failed**', max: '' };
	if (h.errors + p.errors > 0) return { p99: '**missed** (probe errors)', max: '' };
	const p99ok = h.p99 <= s.target.healthz && p.p99 <= s.target.page;
	const maxOk = h.max <= s.target.healthz && p.max <= s.target.page;
	return { p99: p99ok ? 'met' : '**missed**', max: maxOk ? 'yes' : '**no**' };
}

export function responsivenessSection(r: ResponsivenessRun): string {
	const rows = r.scenarios.map((s, i) => {
		const h = stats(s.measured.probes, 'healthz');
		const p = stats(s.measured.probes, 'page');
		const v = verdict(s);
		const target = s.target ? `${s.target.healthz} / ${s.target.page}` : '–';
		const load = `${s.loadBefore.toFixed(2)}${s.loadBefore > LOAD_LIMIT ? ' ⚠' : ''}`;
		const cpu = s.appCpuSeconds === null ? '–' : s.appCpuSeconds.toFixed(1);
		return (
			`| ${i + 1}. ${s.name} | ${s.measured.heavy.status || '–'} ${s.measured.heavy.detail} | ` +
			`${s.measured.heavySeconds.toFixed(2)} | ${cpu} | ${load} | ` +
			`${h.count} | ${ms(h.p50)} | ${ms(h.p99)} | ${ms(h.max)} | ` +
			`${p.count} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.max)} | ${target} | ${v.p99} | ${v.max} |`
		);
	});
	const busy = r.scenarios.filter((s) => s.loadBefore > LOAD_LIMIT).map((s) => s.name);
	const errors = r.scenarios.flatMap((s) => {
		const n = stats(s.measured.probes, 'healthz').errors + stats(s.measured.probes, 'page').errors;
		return n ? [`${s.name}: ${n} probe(s) answered other than 200`] : [];
	});
	return [
		'## Responsiveness while heavy work runs off the request thread',
		'',
		`- Date: ${r.date}`,
		`- Command: \`${r.command}\``,
		`- Machine at start: ${r.machine}`,
		`- Workload: the load benchmark's installation (${r.assessments} assessments, 20 members), plus a 200-risk assessment with long texts (tests/large-risks.ts, saved through the risks form) and a valid audit chain of ${r.entries.toLocaleString('en')} entries in the served database's \`audit_log\` (${r.setup}). The built app (\`node scripts/serve.js\`) and the prober on the same machine.`,
		`- For as long as each heavy request runs (until its body is read in full), one client probes alternately \`GET /healthz\` and another member's page (a contributor opening an assessment's overview), one request at a time, ${r.pauseMs} ms apart. The heavy requests are made by a DPO; the import's 10 MB body is sent from a child process (sent by the prober's own process, it stalled the probes while the server sat idle). Latencies in ms, from sending to the last byte.`,
		'- Targets: issue 12, p99 ≤ 100 ms for /healthz and the page during exports, the import and the verification; issue 13, /healthz p99 ≤ 50 ms during the verification. With fewer than 100 probes, p99 is the slowest probe. "Max within" tells whether every probe met the target.',
		'',
		'| Scenario | Heavy answer | Heavy s | App CPU s | Load before | /healthz n | p50 | p99 | max | Page n | p50 | p99 | max | Target /healthz / page | p99 | Max within |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
		...rows,
		'',
		'Slowest probes (offset from the heavy request):',
		'',
		...r.scenarios.map((s, i) => `${i + 1}. ${s.name}: ${slowest(s.measured.probes)}`),
		'',
		busy.length
			? `⚠ One-minute load average above ${LOAD_LIMIT} before: ${busy.join(', ')} (another process was busy, or the previous scenario's work had not decayed yet); those figures are pessimistic.`
			: `Load average ≤ ${LOAD_LIMIT} before every scenario.`,
		...(errors.length ? ['', `Probe errors: ${errors.join('; ')}.`] : [])
	].join('\n');
}
