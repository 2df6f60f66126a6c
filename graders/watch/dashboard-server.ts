import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAccessToken, isLoopbackHost, presentedToken } from './access-token.ts';
import { dashboardPage } from './dashboard-page.ts';
import type { LearnerDetail, LiveView } from './live-model.ts';

export interface DashboardOptions {
	host: string;
	/** 0 picks a free port. */
	port: number;
	/** Required on every request when not null (the dashboard is exposed beyond loopback). */
	token: string | null;
	cohort: string;
	view(): LiveView;
	detail(learnerId: string): LearnerDetail | null;
}

export interface Dashboard {
	/** The address to open, with the token when there is one. */
	url: string;
	port: number;
	/** Sends the current view to every open event stream. */
	broadcast(): void;
	close(): Promise<void>;
}

const securityHeaders = {
	'Cache-Control': 'no-store',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
};

function send(
	response: ServerResponse,
	status: number,
	type: string,
	body: string,
	extra: Record<string, string> = {},
) {
	response.writeHead(status, { 'Content-Type': type, ...securityHeaders, ...extra });
	response.end(body);
}

function hostHeaderName(header: string | undefined): string {
	const value = header ?? '';
	return value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : (value.split(':')[0] ?? '');
}

/**
 * The live dashboard's HTTP server (node:http): the page, `/events` (Server-Sent Events, the whole
 * view on connect and after every round) and `/learner?id=` (one learner's drill-down). It reads
 * only what the watch loop hands it; it never calls AWS.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
	const streams = new Set<ServerResponse>();
	const loopback = isLoopbackHost(options.host);

	const viewEvent = () => `event: view\ndata: ${JSON.stringify(options.view())}\n\n`;

	const handle = (request: IncomingMessage, response: ServerResponse) => {
		const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
		// On loopback, a page on another site could reach us through DNS rebinding: only our own names pass.
		if (loopback && !['localhost', '127.0.0.1', '[::1]'].includes(hostHeaderName(request.headers.host))) {
			send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host header.\n');
			return;
		}
		const access = checkAccessToken(options.token, presentedToken(url, request.headers.authorization));
		if (access !== 'ok') {
			const status = access === 'missing' ? 401 : 403;
			send(
				response,
				status,
				'text/plain; charset=utf-8',
				access === 'missing'
					? 'This dashboard needs its access token: open the address watch printed (it ends in ?token=…).\n'
					: 'Wrong access token: open the address watch printed when it started.\n',
				status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {},
			);
			return;
		}
		if (request.method !== 'GET') {
			send(response, 405, 'text/plain; charset=utf-8', 'Only GET is served.\n', { Allow: 'GET' });
			return;
		}
		if (url.pathname === '/') {
			const nonce = randomBytes(16).toString('base64');
			send(response, 200, 'text/html; charset=utf-8', dashboardPage(options.cohort, nonce), {
				'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
			});
			return;
		}
		if (url.pathname === '/events') {
			response.writeHead(200, {
				'Content-Type': 'text/event-stream; charset=utf-8',
				Connection: 'keep-alive',
				...securityHeaders,
			});
			// Reconnect two seconds after a blip instead of the browser's default three.
			response.write(`retry: 2000\n\n${viewEvent()}`);
			streams.add(response);
			request.on('close', () => streams.delete(response));
			return;
		}
		if (url.pathname === '/learner') {
			const detail = options.detail(url.searchParams.get('id') ?? '');
			if (!detail) send(response, 404, 'application/json', JSON.stringify({ error: 'no such learner' }));
			else send(response, 200, 'application/json; charset=utf-8', JSON.stringify(detail));
			return;
		}
		send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
	};

	const server = createServer(handle);
	// A comment line every 15 s keeps proxies and idle timeouts from closing a quiet stream.
	const keepAlive = setInterval(() => {
		for (const stream of streams) stream.write(': keep-alive\n\n');
	}, 15_000);
	keepAlive.unref();

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
	const url = `http://${shownHost}:${port}/${options.token ? `?token=${options.token}` : ''}`;
	return {
		url,
		port,
		broadcast() {
			if (streams.size === 0) return;
			const event = viewEvent();
			for (const stream of streams) stream.write(event);
		},
		close() {
			clearInterval(keepAlive);
			for (const stream of streams) stream.end();
			streams.clear();
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
