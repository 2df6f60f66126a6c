/**
 * Every Markdown table is wrapped in a named, keyboard-focusable scroll region (so a wide table scrolls
 * inside it on a phone instead of widening the page or breaking words), compiled with the same Sätteri
 * processor the site uses.
 */
import type { Element } from 'hast';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { tableRegionLabel, tableRegionsPlugin } from '../../src/integrations/table-regions.ts';

const signals = [
	'| Signal | `AWS` service | CloudWatch metric |',
	'| --- | --- | --- |',
	'| Latency | Load balancer | `TargetResponseTime` |',
].join('\n');

async function render(markdown: string): Promise<string> {
	return (await markdownToHtml(markdown, { hastPlugins: [tableRegionsPlugin()] })).html;
}

describe('tableRegionsPlugin', () => {
	it('wraps a table in a focusable region named after its column headers', async () => {
		const html = await render(signals);
		expect(html).toMatch(
			/^<div class="sre-table-scroll" role="region" tabindex="0" aria-label="Table: Signal, AWS service, CloudWatch metric"><table>/,
		);
		expect(html.trim()).toMatch(/<\/table><\/div>$/);
	});

	it('wraps each of several tables once, leaving the rest of the page alone', async () => {
		const html = await render(
			`Intro text.\n\n${signals}\n\nBetween.\n\n| Step | Time |\n| --- | --- |\n| Detect | 5 min |\n`,
		);
		expect(html.match(/<div class="sre-table-scroll"/g)).toHaveLength(2);
		expect(html).toContain('aria-label="Table: Step, Time"');
		expect(html).toContain('<p>Intro text.</p>');
		expect(html).toContain('<p>Between.</p>');
	});

	it('names the region after the caption when a table has one, and plainly "Table" when it has no headers', () => {
		const cell = (tagName: string, text: string): Element => ({
			type: 'element',
			tagName,
			properties: {},
			children: [{ type: 'text', value: text }],
		});
		const row = (...cells: Element[]): Element => ({ type: 'element', tagName: 'tr', properties: {}, children: cells });
		const table = (...children: Element[]): Element => ({
			type: 'element',
			tagName: 'table',
			properties: {},
			children,
		});
		const head = {
			type: 'element',
			tagName: 'thead',
			properties: {},
			children: [row(cell('th', 'Window'))],
		} as Element;
		expect(tableRegionLabel(table(cell('caption', ' Burn rates \n and windows '), head))).toBe(
			'Burn rates and windows',
		);
		expect(tableRegionLabel(table(head))).toBe('Table: Window');
		expect(tableRegionLabel(table(row(cell('td', '1 h'))))).toBe('Table');
	});
});
