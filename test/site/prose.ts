/**
 * Count the words of running prose in an MDX page: frontmatter, import/export lines, fenced code,
 * Markdown tables and JSX/HTML tag markup are not prose (text inside components, such as an Aside's
 * body, still is).
 */
export function proseWordCount(mdx: string): number {
	const withoutFrontmatter = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
	const withoutCode = withoutFrontmatter.replace(/^(\s*)(```|~~~)[\s\S]*?^\1\2\s*$/gm, '');
	const proseLines = withoutCode
		.split('\n')
		.filter((line) => !/^\s*(import|export)\s/.test(line))
		.filter((line) => !/^\s*\|/.test(line));
	const withoutTags = proseLines.join('\n').replace(/<[^>]*>/g, ' ');
	const withoutInlineCode = withoutTags.replace(/`[^`]*`/g, ' ');
	const withoutLinkTargets = withoutInlineCode.replace(/\]\([^)]*\)/g, ']');
	return withoutLinkTargets.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g)?.length ?? 0;
}
