/**
 * Prefix a deployment base path to a root-relative URL. Absolute URLs (`https:`, `mailto:`),
 * protocol-relative URLs (`//host`), fragments and relative paths are returned unchanged, and a URL
 * that already starts with the base is not prefixed twice.
 */
export function withBase(url: string, base: string): string {
	if (!url.startsWith('/') || url.startsWith('//')) return url;
	const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}`;
	if (normalizedBase === '/') return url;
	if (url === normalizedBase || url.startsWith(`${normalizedBase}/`)) return url;
	return `${normalizedBase}${url}`;
}
