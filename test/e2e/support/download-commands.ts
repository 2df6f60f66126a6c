/**
 * The course-download commands a built page shows (src/components/downloads/DownloadCommand.astro), read from
 * its HTML: the text the Copy button copies (Expressive Code's `data-code`, lines joined by U+007F) and the
 * text a reader sees, which must be the same.
 */
export interface PageCommand {
	/** The download's id, e.g. `grader`. */
	download: string;
	url: string;
	sha256: string;
	/** The command as copied. */
	command: string;
	/** The command as displayed, line by line. */
	displayed: string;
}

function decodeEntities(text: string): string {
	return text
		.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
		.replaceAll('&quot;', '"')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');
}

export function downloadCommandsIn(html: string): PageCommand[] {
	const commands: PageCommand[] = [];
	const opening =
		/<div class="sre-download-command" data-download="([^"]+)" data-url="([^"]+)" data-sha256="([0-9a-f]{64})">/g;
	for (const match of html.matchAll(opening)) {
		const rest = html.slice((match.index ?? 0) + match[0].length);
		const pre = /<pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/.exec(rest);
		const copied = /data-code="([^"]*)"/.exec(rest);
		if (!pre || !copied) throw new Error(`download command "${match[1]}" has no code block or Copy button`);
		const displayed = (pre[1] as string)
			.split(/<div class="ec-line"/)
			.slice(1)
			.map((line) => decodeEntities(`<div${line}`.replace(/<[^>]+>/g, '')))
			.join('\n');
		commands.push({
			download: match[1] as string,
			url: decodeEntities(match[2] as string),
			sha256: match[3] as string,
			command: decodeEntities(copied[1] as string).replaceAll('\u007f', '\n'),
			displayed,
		});
	}
	return commands;
}

/** The machine's own Node (not the project's pinned Node 22 that npm puts first on PATH), and a PATH without node_modules. */
export function machinePath(path = process.env.PATH ?? ''): string {
	return path
		.split(':')
		.filter((entry) => entry !== '' && !entry.includes('node_modules'))
		.join(':');
}
