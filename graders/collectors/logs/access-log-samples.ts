/**
 * Access-log lines in the combined log format (what nginx and Apache write by default), replayed
 * through each metric filter pattern to learn what the filter really counts. The set includes a
 * 200 response for a page called /errors/503.html with a 503-byte body: a pattern that looks for
 * "503" anywhere in the line, rather than in the status field, counts it by mistake.
 */
/**
 * The nine fields of a combined-format line, in order, as a space-delimited filter pattern names them:
 * `[ip, identity, user, timestamp, request, status_code, size, referrer, agent]`. The time (in square
 * brackets) and the request, referrer and user agent (in double quotes) are one field each. The course
 * pages' patterns and sample lines are tested against this format and these samples.
 */
export const combinedLogFields = [
	'ip',
	'identity',
	'user',
	'timestamp',
	'request',
	'status_code',
	'size',
	'referrer',
	'agent',
] as const;

export interface AccessLogSample {
	status: number;
	line: string;
}

const line = (
	client: string,
	second: number,
	request: string,
	status: number,
	bytes: number,
	referrer: string,
	agent: string,
) =>
	`${client} - - [22/Nov/2026:10:15:${String(second).padStart(2, '0')} +0000] "${request}" ${status} ${bytes} "${referrer}" "${agent}"`;

const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

export const accessLogSamples: readonly AccessLogSample[] = [
	{ status: 200, line: line('198.51.100.7', 1, 'GET / HTTP/1.1', 200, 612, '-', browser) },
	{ status: 200, line: line('198.51.100.8', 2, 'GET /health HTTP/1.1', 200, 2, '-', 'ELB-HealthChecker/2.0') },
	{
		status: 201,
		line: line('203.0.113.20', 3, 'POST /api/orders HTTP/1.1', 201, 48, 'http://shop.example/cart', 'curl/8.5.0'),
	},
	{ status: 200, line: line('203.0.113.21', 4, 'GET /errors/503.html HTTP/1.1', 200, 503, '-', browser) },
	{ status: 301, line: line('198.51.100.9', 5, 'GET /old-catalogue HTTP/1.1', 301, 169, '-', browser) },
	{
		status: 404,
		line: line('203.0.113.22', 6, 'GET /missing.png HTTP/1.1', 404, 153, 'http://shop.example/', browser),
	},
	{ status: 403, line: line('203.0.113.23', 7, 'GET /admin HTTP/1.1', 403, 153, '-', 'curl/8.5.0') },
	{
		status: 500,
		line: line('198.51.100.10', 8, 'POST /api/orders HTTP/1.1', 500, 21, 'http://shop.example/cart', browser),
	},
	{ status: 502, line: line('198.51.100.11', 9, 'GET /api/stock HTTP/1.1', 502, 157, '-', browser) },
	{
		status: 503,
		line: line('203.0.113.24', 10, 'GET /api/search?q=lamp HTTP/1.1', 503, 190, 'http://shop.example/', browser),
	},
	{ status: 504, line: line('203.0.113.25', 11, 'GET /api/recommendations HTTP/1.1', 504, 176, '-', 'curl/8.5.0') },
];
