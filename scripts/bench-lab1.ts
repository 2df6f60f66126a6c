/**
 * Benchmark (not a test): grades Lab 1 against mocked SDK clients that answer every call after a
 * fixed latency, and compares the wall time with two bounds:
 * - the sum of all call latencies (what a one-call-at-a-time grader would take), and
 * - the longest chain of dependent calls × latency (the best a parallel grader can do).
 * Because every call takes exactly the same time, a call that starts at about k × latency is the
 * (k+1)th link of a dependency chain, so the chain length is measured from call start times.
 *
 *   node_modules/.bin/node scripts/bench-lab1.ts [latencyMs] [runs]
 */
import { collectSnapshot } from '../graders/engine/collect.ts';
import { windowEndingAt } from '../graders/engine/duration.ts';
import { evaluateLab } from '../graders/engine/evaluate.ts';
import { lab1 } from '../graders/labs/lab1/index.ts';
import { testClientProvider } from '../test/graders/support/collect-lab1.ts';
import { collectedAt, completeLab1Account, mockLab1Account, region } from '../test/graders/support/lab1-account.ts';

const latencyMs = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);

interface Run {
	wallMs: number;
	calls: number;
	chain: number;
	outcome: string;
	byOperation: Map<string, number>;
}

async function gradeOnce(): Promise<Run> {
	const mocks = mockLab1Account(completeLab1Account(), { latencyMs });
	const clients = testClientProvider();
	const started = performance.now();
	try {
		const snapshot = await collectSnapshot({
			collectors: lab1.collectors,
			clients,
			region,
			window: windowEndingAt(collectedAt, 24 * 3_600_000),
			now: () => collectedAt,
		});
		const result = evaluateLab('lab1', snapshot);
		const wallMs = performance.now() - started;
		// aws-sdk-client-mock replaces `send`, so the mocks (not the middleware counter) see every call.
		const calls = Object.entries(mocks).flatMap(([service, mock]) =>
			typeof mock === 'object' && 'calls' in mock ? mock.calls().map((call) => ({ service, call })) : [],
		);
		const byOperation = new Map<string, number>();
		for (const { service, call } of calls) {
			const operation = `${service}:${(call.args[0] as { constructor: { name: string } }).constructor.name.replace(/Command$/, '')}`;
			byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1);
		}
		return { wallMs, calls: calls.length, chain: 0, outcome: result.outcome, byOperation };
	} finally {
		clients.destroy();
		mocks.restore();
	}
}

/** Measures the chain depth by recording when each mocked call starts. */
async function measureChain(): Promise<number> {
	const starts: number[] = [];
	const originalSetTimeout = globalThis.setTimeout;
	const t0 = performance.now();
	// Every mocked call begins by scheduling its latency timer; record the moment it does.
	globalThis.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
		if (ms === latencyMs) starts.push(performance.now() - t0);
		return originalSetTimeout(handler, ms, ...rest);
	}) as typeof setTimeout;
	try {
		await gradeOnce();
	} finally {
		globalThis.setTimeout = originalSetTimeout;
	}
	return Math.max(...starts.map((start) => Math.floor(start / latencyMs) + 1));
}

await gradeOnce(); // warm-up: module loading and JIT are not what is being measured
const results: Run[] = [];
for (let i = 0; i < runs; i++) results.push(await gradeOnce());
const chain = await measureChain();
const sorted = results.map((r) => r.wallMs).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const first = results[0] as Run;

console.log(`Lab 1 grading benchmark: every API call answers after ${latencyMs} ms; ${runs} runs after one warm-up`);
console.log(`outcome                           ${first.outcome}`);
console.log(`API calls per grading run         ${first.calls}`);
for (const [operation, count] of [...first.byOperation].sort()) console.log(`  ${operation.padEnd(32)}${count}`);
console.log(
	`sum of call latencies             ${first.calls * latencyMs} ms  (${first.calls} × ${latencyMs} ms, one call at a time)`,
);
console.log(`longest dependent chain           ${chain} calls = ${chain * latencyMs} ms`);
console.log(
	`wall time (median of ${runs})          ${median.toFixed(0)} ms  (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)})`,
);
console.log(`wall time / chain bound           ${(median / (chain * latencyMs)).toFixed(2)}×`);
console.log(`wall time / sum of latencies      ${(median / (first.calls * latencyMs)).toFixed(2)}×`);
