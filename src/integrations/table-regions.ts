/**
 * Course tables (Markdown/MDX) are often wider than a phone. Squeezing them into the column broke
 * words one letter per line ("S/i/g/n/a/l"); letting the table itself scroll left a scrollable box
 * that a keyboard cannot reach (WCAG 2.1.1, axe "scrollable-region-focusable"). This Sätteri hast
 * plugin wraps every content table in a named, focusable scroll region instead, the pattern WCAG's
 * technique for scrolling content uses: `<div class="sre-table-scroll" role="region" tabindex="0"
 * aria-label="Table: Signal, Service, …">`. theme.css makes the region scroll sideways, so words stay
 * whole and the page never grows wider than the screen.
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

export const tableRegionClass = 'sre-table-scroll';

/** Concatenated text of a hast subtree. */
function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element') return node.children.map(textOf).join('');
	return '';
}

function childElements(node: Element, tagName: string): Element[] {
	return node.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

/**
 * The region's accessible name: the table's caption when it has one, else its column headers, so a
 * screen-reader user tabbing to it hears which table it is ("Table: Signal, Service, CloudWatch metric").
 */
export function tableRegionLabel(table: Element): string {
	const [caption] = childElements(table, 'caption');
	const captionText = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '';
	if (captionText) return captionText;
	const headerRow = childElements(table, 'thead').flatMap((head) => childElements(head, 'tr'))[0];
	const headers = (headerRow ? childElements(headerRow, 'th') : [])
		.map((cell) => textOf(cell).replace(/\s+/g, ' ').trim())
		.filter(Boolean);
	return headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table';
}

export function tableRegionsPlugin(): HastPluginEntry {
	return defineHastPlugin({
		name: 'sre-course-table-regions',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				const parent = ctx.parent(node);
				const alreadyWrapped =
					parent?.type === 'element' &&
					Array.isArray(parent.properties?.className) &&
					parent.properties.className.includes(tableRegionClass);
				if (alreadyWrapped) return;
				ctx.wrapNode(node, {
					type: 'element',
					tagName: 'div',
					properties: {
						className: [tableRegionClass],
						role: 'region',
						tabIndex: 0,
						ariaLabel: tableRegionLabel(node as Element),
					},
					children: [],
				});
			},
		},
	});
}
