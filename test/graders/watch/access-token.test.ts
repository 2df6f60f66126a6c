import { describe, expect, it } from 'vitest';
import {
	checkAccessToken,
	isLoopbackHost,
	newAccessToken,
	presentedToken,
} from '../../../graders/watch/access-token.ts';
import { parseWatchDuration } from '../../../graders/watch/watch-duration.ts';

describe('dashboard access token', () => {
	it('is random and URL-safe', () => {
		const token = newAccessToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(newAccessToken()).not.toBe(token);
	});

	it('lets everything through on loopback, and otherwise tells a missing token from a wrong one', () => {
		expect(checkAccessToken(null, null)).toBe('ok');
		expect(checkAccessToken('secret-token', null)).toBe('missing');
		expect(checkAccessToken('secret-token', '')).toBe('missing');
		expect(checkAccessToken('secret-token', 'secret-tokeN')).toBe('wrong');
		expect(checkAccessToken('secret-token', 'secret-token-and-more')).toBe('wrong');
		expect(checkAccessToken('secret-token', 'secret-token')).toBe('ok');
	});

	it('is read from ?token= or an Authorization: Bearer header', () => {
		expect(presentedToken(new URL('http://h/events?token=abc'), undefined)).toBe('abc');
		expect(presentedToken(new URL('http://h/'), 'Bearer xyz')).toBe('xyz');
		expect(presentedToken(new URL('http://h/'), 'Basic xyz')).toBeNull();
	});

	it('knows which listen addresses stay on this machine', () => {
		expect(['127.0.0.1', '127.0.0.2', 'localhost', '::1'].every(isLoopbackHost)).toBe(true);
		expect(['0.0.0.0', '192.168.1.10', '::', 'example.org'].some(isLoopbackHost)).toBe(false);
	});
});

describe('watch durations', () => {
	it('reads seconds, minutes and hours within bounds', () => {
		expect(parseWatchDuration('90s', 1000, 3_600_000)).toBe(90_000);
		expect(parseWatchDuration('2m', 1000, 3_600_000)).toBe(120_000);
		expect(parseWatchDuration('1h', 1000, 3_600_000)).toBe(3_600_000);
		expect(parseWatchDuration('2h', 1000, 3_600_000)).toBeNull();
		expect(parseWatchDuration('0s', 1000, 3_600_000)).toBeNull();
		expect(parseWatchDuration('5 minutes', 1000, 3_600_000)).toBeNull();
	});
});
