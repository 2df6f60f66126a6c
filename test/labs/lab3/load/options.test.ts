import { describe, expect, it } from 'vitest';
import { parseLoadOptions, UsageError } from '../../../../labs/lab3/load/options.ts';

describe('parseLoadOptions', () => {
	it('reads the URL and applies polite defaults', () => {
		const options = parseLoadOptions(['--url', 'https://abc.execute-api.eu-west-1.amazonaws.com']);
		expect(options.url.hostname).toBe('abc.execute-api.eu-west-1.amazonaws.com');
		expect(options).toMatchObject({ rate: 5, durationSeconds: 600, reportEverySeconds: 10, requestTimeoutMs: 10_000 });
	});

	it('accepts explicit rate, duration, interval and timeout', () => {
		const options = parseLoadOptions([
			'--url',
			'http://127.0.0.1:3000',
			'--rate',
			'20',
			'--duration',
			'30',
			'--report-every',
			'5',
			'--timeout',
			'2',
		]);
		expect(options).toMatchObject({ rate: 20, durationSeconds: 30, reportEverySeconds: 5, requestTimeoutMs: 2000 });
	});

	it.each([
		[[], /--url is required/],
		[['--url', 'not a url'], /not a URL/],
		[['--url', 'ftp://example.com'], /http or https/],
		[['--url', 'https://x.test', '--rate', '500'], /--rate must be a number from 1 to 50/],
		[['--url', 'https://x.test', '--duration', '0'], /--duration/],
		[['--url', 'https://x.test', '--rate', 'fast'], /--rate/],
		[['--url', 'https://x.test', '--burst'], /burst/],
	])('refuses %j', (args, message) => {
		expect(() => parseLoadOptions(args as string[])).toThrow(UsageError);
		expect(() => parseLoadOptions(args as string[])).toThrow(message);
	});
});
