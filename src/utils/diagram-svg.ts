/**
 * Turns the SVG that Graphviz writes into an inline figure that fits the course site. Pure string
 * work, so it is unit-tested without Graphviz and runs only at build time:
 *
 * - one accessible image: `role="img"` with a `<title>` and a pointer to the longer text alternative,
 *   and Graphviz's per-node `<title>` elements removed (they would show as tooltips of internal ids);
 * - both themes: black strokes, fills and text become `currentColor` and the white page background
 *   goes, so the drawing takes the theme's text colour; class names set in the DOT source
 *   (`class="aws"`) stay on the groups so the site's CSS can tint them with Starlight's variables;
 * - no fixed size: width and height go, the viewBox stays, so CSS can scale it to the column;
 * - no ids of its own: several diagrams on one page would otherwise repeat `graph0`, `node1` …
 */

export interface DiagramLabels {
	/** Unique id of the `<title>` element (the short accessible name). */
	titleId: string;
	/** Short name of the image, e.g. "Lab 1 architecture". */
	title: string;
	/** Id of the element elsewhere on the page that holds the long text alternative. */
	descriptionId?: string;
}

export interface ThemedSvg {
	svg: string;
	/** The drawing's natural size in CSS pixels (Graphviz measures in points: 1 pt = 4/3 px). */
	widthPx: number;
	heightPx: number;
}

const escapeXml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function viewBoxSize(svgTag: string): { width: number; height: number } {
	const match = /viewBox="([-\d.]+)[\s,]+([-\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(svgTag);
	if (!match) throw new Error('Graphviz output has no viewBox; cannot scale the diagram');
	return { width: Number(match[3]), height: Number(match[4]) };
}

export function themeGraphvizSvg(raw: string, labels: DiagramLabels): ThemedSvg {
	const start = raw.indexOf('<svg');
	if (start < 0) throw new Error('Graphviz output contains no <svg> element');
	let svg = raw.slice(start).trim();
	svg = svg.replace(/<!--[\s\S]*?-->/g, '');
	// Per-node and per-edge titles are DOT identifiers, not text for people.
	svg = svg.replace(/<title>[\s\S]*?<\/title>/g, '');
	// The page background: Graphviz paints a white polygon first; the site's background shows instead.
	svg = svg.replace(/<polygon fill="white" stroke="none"[^>]*\/>/, '');
	svg = svg.replace(/\s(?:id|xml:space)="[^"]*"/g, '');
	svg = svg.replace(/(fill|stroke)="(?:black|#000000)"/g, '$1="currentColor"');
	// Clusters inherit the white background; left unfilled, they show the page's own.
	svg = svg.replace(/fill="(?:white|#ffffff)"/g, 'fill="none"');
	svg = svg.replace(/\sfont-family="[^"]*"/g, '');
	svg = svg.replace(/\n{2,}/g, '\n');

	const openTag = /^<svg\b[^>]*>/.exec(svg)?.[0];
	if (!openTag) throw new Error('Graphviz output has a malformed <svg> tag');
	const { width, height } = viewBoxSize(openTag);
	const viewBox = /viewBox="[^"]*"/.exec(openTag)?.[0] ?? '';
	const describedBy = labels.descriptionId ? ` aria-describedby="${escapeXml(labels.descriptionId)}"` : '';
	const newOpenTag =
		`<svg xmlns="http://www.w3.org/2000/svg" ${viewBox} role="img" aria-labelledby="${escapeXml(labels.titleId)}"` +
		`${describedBy} fill="currentColor" class="course-diagram__svg">` +
		`<title id="${escapeXml(labels.titleId)}">${escapeXml(labels.title)}</title>`;
	svg = newOpenTag + svg.slice(openTag.length);

	const toPx = (points: number) => Math.round((points * 4) / 3);
	return { svg, widthPx: toPx(width), heightPx: toPx(height) };
}
