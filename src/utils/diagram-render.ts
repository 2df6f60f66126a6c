/**
 * Build-time diagram rendering. The course's diagrams are Graphviz DOT files in `src/diagrams/`,
 * laid out by @viz-js/viz — Graphviz compiled to WebAssembly — while Astro builds the pages.
 *
 * Why Graphviz in WebAssembly: it runs in Node with no browser (mermaid-cli needs a headless Chrome it
 * downloads, which this project's machines cannot fetch), the package is MIT with no dependencies, and
 * Graphviz's layout of boxes and arrows is mature and deterministic, so a diff of the built page shows
 * only real changes. D2's WebAssembly build was the other candidate; its JavaScript wrapper is still
 * pre-1.0. Nothing of this reaches the browser: pages carry the finished SVG inline.
 */
import { instance } from '@viz-js/viz';
import { type ThemedSvg, themeGraphvizSvg } from './diagram-svg.ts';

let vizPromise: ReturnType<typeof instance> | undefined;

/** Shared look for every diagram, so authors write only nodes and edges. */
const defaultAttributes = {
	graphAttributes: { bgcolor: 'white', fontname: 'Helvetica', fontsize: 12, pad: 0.1, nodesep: 0.3, ranksep: 0.35 },
	nodeAttributes: { fontname: 'Helvetica', fontsize: 12, shape: 'box', style: 'rounded', margin: '0.12,0.06' },
	edgeAttributes: { fontname: 'Helvetica', fontsize: 11, arrowsize: 0.7 },
};

export async function renderDiagram(
	dot: string,
	labels: { titleId: string; title: string; descriptionId?: string },
	sourceName: string,
): Promise<ThemedSvg> {
	vizPromise ??= instance();
	const viz = await vizPromise;
	const result = viz.render(dot, { format: 'svg', ...defaultAttributes });
	if (result.status !== 'success') {
		const messages = result.errors.map((error) => error.message).join('; ');
		throw new Error(`Diagram ${sourceName}: Graphviz could not lay it out (${messages}). Fix the DOT source.`);
	}
	return themeGraphvizSvg(result.output, labels);
}
