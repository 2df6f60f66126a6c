import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for a dashboard exposed beyond loopback: 32 bytes, URL-safe. */
export function newAccessToken(): string {
	return randomBytes(32).toString('base64url');
}

export type AccessVerdict = 'ok' | 'missing' | 'wrong';

/**
 * Compares the presented token with the expected one in constant time. Both are hashed first so
 * the comparison takes the same time whatever the presented token's length. No expected token
 * (loopback only) lets every request through.
 */
export function checkAccessToken(expected: string | null, presented: string | null | undefined): AccessVerdict {
	if (expected === null) return 'ok';
	if (!presented) return 'missing';
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(expected), digest(presented)) ? 'ok' : 'wrong';
}

/** The token a request carries: `?token=` (EventSource cannot send headers) or `Authorization: Bearer`. */
export function presentedToken(url: URL, authorization: string | undefined): string | null {
	const fromQuery = url.searchParams.get('token');
	if (fromQuery) return fromQuery;
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
	return bearer?.[1] ?? null;
}

/** Whether a listen address keeps the dashboard on this machine. */
export function isLoopbackHost(host: string): boolean {
	return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
