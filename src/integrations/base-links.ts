/**
 * Authors write internal links as root-relative paths (`/day-1/`), which keeps content portable. When
 * the site is deployed under a base path (`/sre-course/`) those links must carry the base, and Astro
 * does not add it to Markdown/MDX links. This Sätteri hast plugin prefixes the base to every
 * root-relative `href`/`src`, on HTML elements and on MDX component props (`<LinkCard href="/labs/">`).
 * It is registered before Starlight's plugins, so starlight-links-validator checks the final links.
 */
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { withBase } from '../utils/with-base.ts';

const linkAttributes = ['href', 'src'] as const;

export function baseLinksPlugin(base: string): HastPluginEntry {
	if (base === '/' || base === '') return null;
	return defineHastPlugin({
		name: 'sre-course-base-links',
		element: {
			filter: ['a', 'img'],
			visit(node, ctx) {
				for (const name of linkAttributes) {
					const value = node.properties?.[name];
					if (typeof value === 'string') ctx.setProperty(node, name, withBase(value, base));
				}
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node, ctx) => prefixJsxProps(node, ctx, base) },
		mdxJsxTextElement: { filter: [], visit: (node, ctx) => prefixJsxProps(node, ctx, base) },
	});
}

type JsxNode = { attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }> };
type Ctx = { setProperty(node: never, key: string, value: unknown): void };

function prefixJsxProps(node: Readonly<JsxNode>, ctx: Ctx, base: string): void {
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
		if (attribute.name === 'href' || attribute.name === 'src') {
			ctx.setProperty(node as never, attribute.name, withBase(attribute.value, base));
		}
	}
}
