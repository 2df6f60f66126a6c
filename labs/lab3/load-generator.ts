/**
 * Steady traffic for the Lab 3 application, so that its dashboards, alarms and traces have data:
 *
 *   npx node labs/lab3/load-generator.ts --url https://abc123.execute-api.eu-west-1.amazonaws.com --rate 5 --duration 900
 *
 * Learners run the bundled copy the course site publishes (scripts/course-downloads.ts), with plain `node` 20+:
 *   node load-generator-<version>.mjs --url … --rate 5 --duration 900
 *
 * Prints one line per interval (requests, 4xx, 5xx, network errors, p50/p90/p99) and a total.
 * Ctrl-C stops early and still prints the total. Exit code 0 when the run completed, 64 on usage errors.
 */
import { fileURLToPath } from 'node:url';
import { parseLoadOptions, USAGE, UsageError } from './load/options.ts';
import { runLoad } from './load/run-load.ts';
import { sendRequest } from './load/send-request.ts';

export async function main(args: readonly string[]): Promise<number> {
	let options: ReturnType<typeof parseLoadOptions>;
	try {
		options = parseLoadOptions(args);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`${error.message}\n\n${USAGE}`);
		return 64;
	}
	const stop = new AbortController();
	const onInterrupt = () => stop.abort();
	process.once('SIGINT', onInterrupt);
	console.log(
		`Sending ${options.rate} req/s to ${options.url.href} for ${options.durationSeconds} s (Ctrl-C to stop early)`,
	);
	try {
		await runLoad(options, {
			send: (request) => sendRequest(options.url, request, options.requestTimeoutMs),
			report: (line) => console.log(line),
			random: Math.random,
			now: () => performance.now(),
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
			signal: stop.signal,
		});
	} finally {
		process.off('SIGINT', onInterrupt);
	}
	return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
