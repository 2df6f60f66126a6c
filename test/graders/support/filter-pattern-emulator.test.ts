import { describe, expect, it } from 'vitest';
import { patternMatches, splitFields } from './filter-pattern-emulator.ts';

/**
 * The emulator is only worth trusting if it agrees with CloudWatch Logs, so these cases are the
 * examples of the "Filter pattern syntax" page of the CloudWatch Logs User Guide, with the outcome
 * the page states for each.
 */
describe('term patterns', () => {
	it('matches a term anywhere in the event, case-sensitively', () => {
		expect(patternMatches('ERROR', '[ERROR] A fatal exception has occurred')).toBe(true);
		expect(patternMatches('ERROR', 'Exiting with ERRORCODE: -1')).toBe(true);
		expect(patternMatches('ERROR', 'error: lower case')).toBe(false);
	});

	it('excludes events with a term after a minus sign', () => {
		expect(patternMatches('"ERROR" - "Exiting"', 'Exiting with ERRORCODE: -1')).toBe(false);
		expect(patternMatches('"ERROR" - "Exiting"', '[ERROR] A fatal exception has occurred')).toBe(true);
		expect(patternMatches('ERROR -WARN', 'ERROR message')).toBe(true);
		expect(patternMatches('ERROR -WARN', 'ERROR WARN message')).toBe(false);
	});

	it('needs every term, or any one of the ?terms', () => {
		const events = ['ERROR WARN message', 'ERROR message', 'WARN message'];
		expect(events.filter((event) => patternMatches('ERROR', event))).toEqual(events.slice(0, 2));
		expect(events.filter((event) => patternMatches('?ERROR ?WARN', event))).toEqual(events);
		expect(events.filter((event) => patternMatches('ERROR WARN', event))).toEqual(events.slice(0, 1));
		expect(patternMatches('ERROR Exception', '[ERROR] Caught IllegalArgumentException')).toBe(true);
	});

	it('treats a quoted phrase as one term and the empty pattern as everything', () => {
		expect(patternMatches('"Failed to process the request"', '[WARN] Failed to process the request')).toBe(true);
		expect(patternMatches('"Failed to process the request"', '[WARN] Failed to process a request')).toBe(false);
		expect(patternMatches('', 'anything at all')).toBe(true);
	});
});

describe('space-delimited patterns', () => {
	const apache = [
		'127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
		'127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
		'127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 404 355',
	];
	const matching = (pattern: string) => apache.filter((line) => patternMatches(pattern, line));

	it('reads bracketed and quoted text as one field', () => {
		expect(splitFields(apache[0] as string)).toEqual([
			'127.0.0.1',
			'-',
			'frank',
			'10/Oct/2000:13:25:15 -0700',
			'GET /apache_pb.gif HTTP/1.0',
			'200',
			'1534',
		]);
	});

	it('matches only events with exactly the named number of fields, unless ... covers the rest', () => {
		expect(matching('[ip, user, username, timestamp, request, status_code, bytes]')).toEqual(apache);
		expect(matching('[ip, user, username, timestamp, request, status_code]')).toEqual([]);
		expect(matching('[ip, user, username, timestamp, request, status_code, bytes, referrer, agent]')).toEqual([]);
		expect(matching('[..., status_code, bytes]')).toEqual(apache);
		expect(matching('[ip, user, ..., status_code, bytes]')).toEqual(apache);
		expect(matching('[ip, user, ...]')).toEqual(apache);
	});

	it('applies string, wildcard and numeric conditions', () => {
		expect(matching('[ip, user, username, timestamp, request, status_code, bytes > 1000]')).toEqual(apache.slice(0, 2));
		expect(matching('[ip, user, username, timestamp, request, status_code = 200, bytes]')).toEqual(apache.slice(0, 1));
		expect(matching('[ip, user, username, timestamp, request, status_code = 4*, bytes]')).toEqual(apache.slice(2));
		expect(matching('[ip, user, username, timestamp, request = *gif*, status_code = 5*, bytes]')).toEqual(
			apache.slice(1, 2),
		);
		expect(matching('[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]')).toEqual([]);
	});

	it('joins conditions with && and ||, also across fields', () => {
		expect(matching('[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]')).toEqual([]);
		expect(matching('[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]')).toEqual(
			apache.slice(2),
		);
		const words = ['ERROR WARN message', 'ERROR message', 'WARN message'];
		expect(words.filter((line) => patternMatches('[w1=ERROR, w2]', line))).toEqual(['ERROR message']);
		expect(words.filter((line) => patternMatches('[w1=ERROR || w1=WARN, w2]', line))).toEqual([
			'ERROR message',
			'WARN message',
		]);
	});
});

describe('JSON patterns', () => {
	const event = JSON.stringify({
		eventType: 'UpdateTrail',
		sourceIPAddress: '111.111.111.111',
		arrayKey: ['value', 'another value'],
		objectList: [
			{ name: 'a', id: 1 },
			{ name: 'b', id: 2 },
		],
		SomeObject: null,
		ThisFlag: true,
	});

	it('matches every documented selector example', () => {
		for (const pattern of [
			'{ $.eventType = "UpdateTrail" }',
			'{ $.sourceIPAddress != 123.123.* }',
			'{ $.arrayKey[0] = "value" }',
			'{ $.objectList[1].id = 2 }',
			'{ $.SomeObject IS NULL }',
			'{ $.SomeOtherObject NOT EXISTS }',
			'{ $.ThisFlag IS TRUE }',
		])
			expect(patternMatches(pattern, event), pattern).toBe(true);
		expect(patternMatches('{ $.eventType = "PutEvent" }', event)).toBe(false);
		expect(patternMatches('{ $.ThisFlag IS FALSE }', event)).toBe(false);
	});

	it('follows the documented precedence of && over ||', () => {
		const users = JSON.stringify({
			user: { id: 1, email: 'John.Stiles@example.com' },
			users: [
				{ id: 2, email: 'John.Doe@example.com' },
				{ id: 3, email: 'Jane.Doe@example.com' },
			],
			actions: ['GET', 'PUT', 'DELETE'],
			coordinates: [
				[0, 1, 2],
				[4, 5, 6],
				[7, 8, 9],
			],
		});
		expect(patternMatches('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', users)).toBe(true);
		expect(patternMatches('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', users)).toBe(
			false,
		);
		expect(
			patternMatches(
				'{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }',
				users,
			),
		).toBe(true);
		expect(
			patternMatches(
				'{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
				users,
			),
		).toBe(false);
	});

	it('compares numbers and never matches a selector that reaches an array or a non-JSON event', () => {
		expect(patternMatches('{ $.latency >= 500 }', '{"latency": 512}')).toBe(true);
		expect(patternMatches('{ $.latency >= 500 }', '{"latency": 499}')).toBe(false);
		expect(patternMatches('{ $.errorCode != 500 }', '{"errorCode": 400}')).toBe(true);
		expect(patternMatches('{ $.users = 1 }', '{"users": [1, 2, 3]}')).toBe(false);
		expect(patternMatches('{ $.users != 1 }', '{"users": [1, 2, 3]}')).toBe(false);
		expect(patternMatches('{ $.status >= 500 }', '10.0.0.7 - - [22/Nov/2026:10:00:01 +0000] "GET /" 503 1')).toBe(
			false,
		);
	});
});

describe('regular expressions', () => {
	it('matches a pattern between percent signs anywhere in the event', () => {
		expect(patternMatches('%ERROR|WARN%', 'WARN message')).toBe(true);
		expect(patternMatches('%5[0-9][0-9]%', 'status 404')).toBe(false);
	});
});
