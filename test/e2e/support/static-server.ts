import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticSite {
	/** Origin plus base path, always ending in `/`, e.g. `http://127.0.0.1:41234/sre-course/`. */
	url: string;
	close(): Promise<void>;
}

/**
 * Serve a built site from `dir` on a free loopback port, mounted under `base` the way a CDN or
 * GitHub Pages would serve it. Requests outside the base get a 404, so a link that forgot the base
 * is caught instead of silently resolving.
 */
export async function serveStaticSite(dir: string, base = '/'): Promise<StaticSite> {
	const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const server: Server = createServer((request, response) => {
		const url = request.url ?? '/';
		if (!url.startsWith(normalizedBase)) {
			response.statusCode = 404;
			response.end('Not under the site base path');
			return;
		}
		request.url = `/${url.slice(normalizedBase.length)}`;
		files(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${normalizedBase}`,
		close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
	};
}
