// Shared by `check`, `doctor` (learner commands, bundled without the cohort code) and `grade`.

/** An endpoint for emulators (LocalStack, moto) or a proxy: an http(s) URL with a host, no user:password. */
export function endpointUrlProblem(text: string): string | undefined {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'is not a URL (expected e.g. http://localhost:4566)';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return `must start with http:// or https://, not ${url.protocol}//`;
	if (!url.hostname) return 'names no host';
	if (url.username || url.password) return 'must not contain a user name or password';
	return undefined;
}
