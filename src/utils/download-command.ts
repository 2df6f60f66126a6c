/**
 * The shell text of a course download command, as pages show it: fetch the file from the course site, check
 * it against the SHA-256 published with it, then run it. Chained with `&&` so that a failed download or a
 * checksum mismatch never runs anything; `curl -f` fails on an HTTP error instead of saving the error page.
 */
export interface DownloadCommandParts {
	/** Absolute URL of the file on the course site. */
	url: string;
	fileName: string;
	sha256: string;
	/** What to run once it is there; `{file}` stands for the file. Empty: only download and check. */
	run?: string;
	/** Save under this path (e.g. `$HOME/cleanup.zip`, which later commands name) instead of the file's own name. */
	saveAs?: string;
}

export function downloadUrl(site: URL | string, base: string, path: string): string {
	const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	return new URL(`${normalizedBase}${path}`, site).href;
}

export function runPart(run: string, file: string): string {
	return run.replaceAll('{file}', file);
}

export function downloadCommand({ url, fileName, sha256, run, saveAs }: DownloadCommandParts): string {
	const file = saveAs ?? fileName;
	const lines = [
		saveAs ? `curl -fsSL -o "${saveAs}" ${url}` : `curl -fsSLO ${url}`,
		`echo "${sha256}  ${file}" | sha256sum -c`,
	];
	if (run) lines.push(runPart(run, file));
	return lines.join(' &&\n  ');
}
