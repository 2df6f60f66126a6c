/**
 * The ```bash blocks of an MDX page, as a learner copies them: a block inside a list item is indented
 * in the source, and the rendered code (like the copy button) drops that indentation, so a heredoc's
 * closing word ends up at the start of its line.
 */
export interface ShellBlock {
	/** 1-based line of the opening fence in the page source. */
	line: number;
	code: string;
}

export function bashBlocks(source: string): ShellBlock[] {
	const lines = source.split('\n');
	const blocks: ShellBlock[] = [];
	let open: { line: number; indent: number; body: string[] } | null = null;
	lines.forEach((text, index) => {
		if (open === null) {
			const fence = text.match(/^(\s*)```(?:bash|sh|shell)\b/);
			if (fence) open = { line: index + 1, indent: fence[1]?.length ?? 0, body: [] };
			return;
		}
		if (/^\s*```\s*$/.test(text)) {
			blocks.push({ line: open.line, code: `${open.body.join('\n')}\n` });
			open = null;
			return;
		}
		const leading = text.length - text.trimStart().length;
		open.body.push(text.slice(Math.min(open.indent, leading)));
	});
	return blocks;
}

/** Names a block reads as `$NAME` or `${NAME…}` (upper-case shell variables only, as the labs name theirs). */
export function variablesRead(code: string): Set<string> {
	return new Set([...code.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].flatMap((match) => (match[1] ? [match[1]] : [])));
}

/** Names a block assigns itself: `NAME=…` at a command position, or `for NAME in`. */
export function variablesAssigned(code: string): Set<string> {
	const matches = [
		...code.matchAll(/(?:^|[\s;(&|])(?:export\s+|local\s+)?([A-Z][A-Z0-9_]*)=/gm),
		...code.matchAll(/\bfor\s+([A-Z][A-Z0-9_]*)\s+in\b/g),
	];
	return new Set(matches.flatMap((match) => (match[1] ? [match[1]] : [])));
}
