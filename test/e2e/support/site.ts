import { inject } from 'vitest';

/** Absolute URL of a site path (`/day-1/`) on the server the e2e global setup started. */
export function siteUrl(path = '/'): string {
	return new URL(path.replace(/^\//, ''), inject('siteUrl')).href;
}

export { inject };
