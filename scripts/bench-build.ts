/**
 * Measures a production build of the course site: wall time, pages built, and the weight of what a
 * reader downloads (HTML, CSS, JS). Run with `npm run bench:build`; record the figures in the README.
 * The target from the foundation issue: under 60 s on two cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = mkdtempSync(join(tmpdir(), 'sre-course-bench-'));

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

try {
	const started = performance.now();
	execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
		env: { ...process.env, SITE_OUT_DIR: outDir },
		stdio: 'inherit',
	});
	const seconds = (performance.now() - started) / 1000;

	const files = filesUnder(outDir).filter((file) => !file.includes(`${join(outDir, 'pagefind')}`));
	const pages = files.filter((file) => file.endsWith('.html'));
	const totals = { '.html': 0, '.css': 0, '.js': 0 } as Record<string, number>;
	for (const file of files) {
		const kind = extname(file);
		if (kind in totals) totals[kind] = (totals[kind] ?? 0) + gzipSync(readFileSync(file)).length;
	}
	const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
	const largestJs = files
		.filter((file) => file.endsWith('.js'))
		.map((file) => ({ file: file.slice(outDir.length + 1), bytes: statSync(file).size }))
		.sort((a, b) => b.bytes - a.bytes)
		.slice(0, 5);

	console.log(`\nBuild of ${pages.length} pages on ${cpus().length} cores: ${seconds.toFixed(1)} s`);
	console.log(
		`gzip totals (excluding the Pagefind index): HTML ${kib(totals['.html'] ?? 0)}, CSS ${kib(totals['.css'] ?? 0)}, JS ${kib(totals['.js'] ?? 0)}`,
	);
	console.log('largest JS files (raw):');
	for (const { file, bytes } of largestJs) console.log(`  ${kib(bytes)}  ${file}`);
} finally {
	rmSync(outDir, { recursive: true, force: true });
}
