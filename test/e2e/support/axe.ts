import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the course's accessibility bar. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Run axe on the page and return its violations formatted for a readable assertion failure
 * (rule, impact, and the first few offending selectors). An empty array means no violations.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
	let builder = new AxeBuilder({ page }).withTags(wcagTags);
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	return violations.map((violation) => {
		const targets = violation.nodes
			.slice(0, 3)
			.map((node) => node.target.join(' '))
			.join(' | ');
		return `${violation.id} (${violation.impact}): ${violation.help} — ${targets}`;
	});
}
