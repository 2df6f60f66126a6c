/**
 * Environment for a child `astro` process started from a test. Vitest exposes Vite's env to the test
 * process (BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV=test, VITEST_*); a child Astro build would inherit
 * them and, for example, ignore the configured base path. Strip them and add the caller's variables.
 */
const injectedByVitest = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;

export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !injectedByVitest.test(name)));
	return { ...env, ...extra };
}
