import { describe, expect, it } from 'vitest';
import { isAccessLogLine } from '../../../graders/collectors/logs/access-log-format.ts';
import { accessLogSamples } from '../../../graders/collectors/logs/access-log-samples.ts';

describe('isAccessLogLine', () => {
	it('recognises Combined and Common Log Format lines', () => {
		for (const sample of accessLogSamples) expect(isAccessLogLine(sample.line), sample.line).toBe(true);
		expect(
			isAccessLogLine('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326'),
		).toBe(true);
		expect(isAccessLogLine('2001:db8::1 - - [22/Nov/2026:10:15:01 +0000] "HEAD / HTTP/2.0" 304 -')).toBe(true);
	});

	it('rejects error-log and syslog lines from the same instance', () => {
		for (const line of [
			'[Sun Nov 22 09:11:58.123456 2026] [core:error] [pid 2211:tid 2231] [client 203.0.113.22:50712] AH00037: Symbolic link not allowed',
			'2026/11/22 10:15:01 [error] 1234#1234: *1 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), client: 203.0.113.5, server: _, request: "GET /x HTTP/1.1"',
			'Nov 22 10:15:01 ip-10-0-1-20 systemd[1]: Started httpd.service - The Apache HTTP Server.',
		]) {
			expect(isAccessLogLine(line), line).toBe(false);
		}
	});
});
