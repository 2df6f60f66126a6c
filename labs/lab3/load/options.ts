import { parseArgs } from 'node:util';

export interface LoadOptions {
	/** The API's base URL, e.g. the stack output ApiUrl. */
	url: URL;
	/** Requests per second. */
	rate: number;
	durationSeconds: number;
	/** Seconds between progress lines. */
	reportEverySeconds: number;
	requestTimeoutMs: number;
}

/** Bounds that keep the generator polite: the app's stage throttles at 50 req/s anyway. */
export const LIMITS = { maxRate: 50, maxDurationSeconds: 3600 } as const;

export const USAGE = `Usage: node load-generator-<version>.mjs --url <ApiUrl> [--rate 5] [--duration 600] [--report-every 10]
       (from a clone of the course repository: npx node labs/lab3/load-generator.ts …)

  --url           the API's base URL (stack output ApiUrl), http or https
  --rate          requests per second, 1 to ${LIMITS.maxRate} (default 5)
  --duration      seconds to run, 1 to ${LIMITS.maxDurationSeconds} (default 600)
  --report-every  seconds between progress lines (default 10)
  --timeout       seconds before a request counts as a network error (default 10)`;

export class UsageError extends Error {
	override name = 'UsageError';
}

function boundedNumber(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new UsageError(`--${name} must be a number from ${min} to ${max} (got "${text}")`);
	}
	return value;
}

export function parseLoadOptions(args: readonly string[]): LoadOptions {
	let values: Record<string, string | undefined>;
	try {
		({ values } = parseArgs({
			args: [...args],
			options: {
				url: { type: 'string' },
				rate: { type: 'string' },
				duration: { type: 'string' },
				'report-every': { type: 'string' },
				timeout: { type: 'string' },
			},
			strict: true,
		}) as { values: Record<string, string | undefined> });
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (!values.url) throw new UsageError('--url is required: use the ApiUrl output of the application stack');
	let url: URL;
	try {
		url = new URL(values.url);
	} catch {
		throw new UsageError(`--url is not a URL: ${values.url}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--url must be http or https');
	return {
		url,
		rate: boundedNumber(values.rate, 'rate', 5, 1, LIMITS.maxRate),
		durationSeconds: boundedNumber(values.duration, 'duration', 600, 1, LIMITS.maxDurationSeconds),
		reportEverySeconds: boundedNumber(values['report-every'], 'report-every', 10, 1, 3600),
		requestTimeoutMs: boundedNumber(values.timeout, 'timeout', 10, 1, 60) * 1000,
	};
}
