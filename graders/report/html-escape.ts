const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	return String(value).replace(/[&<>"']/g, (character) => replacements[character] ?? character);
}
