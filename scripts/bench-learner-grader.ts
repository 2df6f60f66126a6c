/**
 * What a learner pays to run the course site's grader in AWS CloudShell: download size, disk footprint, and the
 * wall time of `labs` and `check lab1 --from-snapshot` — cold (an empty folder, the file fetched from a local web
 * server, first run) and warm (run again). Runs the machine's own Node (PATH without node_modules), not the
 * project's pinned Node 22. Run with `npm run bench:learner-grader`; record the figures in the README.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildLearnerGrader } from './build-learner-grader.ts';

const runs = 5;
const learnerPath = (process.env.PATH ?? '')
	.split(':')
	.filter((entry) => entry !== '' && !entry.includes('node_modules'))
	.join(':');
const env = { PATH: learnerPath, LANG: 'C.UTF-8' };
const fixture = resolve('test/fixtures/snapshots/lab1/failing.json');

/**
 * Wall time of a bash command in `cwd`, in milliseconds; exit 1 is expected (the failing checklist). Asynchronous,
 * so this process's web server keeps answering the download.
 */
async function timed(command: string, cwd: string): Promise<number> {
	const started = performance.now();
	try {
		await promisify(execFile)('bash', ['-c', command], { cwd, env: { ...env, HOME: cwd } });
	} catch (error) {
		if ((error as { code?: number }).code !== 1) throw error;
	}
	return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${Math.round(value)} ms`;

const grader = await buildLearnerGrader();
const server = createServer((_request, response) => {
	response.setHeader('content-type', 'text/javascript');
	response.end(grader.bytes);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${grader.fileName}`;
const nodeVersion = execFileSync('bash', ['-c', 'node --version'], { env }).toString().trim();
const dirs: string[] = [];

try {
	const rows: string[][] = [];
	for (const [label, args] of [
		['labs', 'labs'],
		['check lab1 --from-snapshot', 'check lab1 --from-snapshot lab1.json'],
	] as const) {
		const cold: number[] = [];
		const download: number[] = [];
		const warm: number[] = [];
		for (let index = 0; index < runs; index += 1) {
			const dir = mkdtempSync(join(tmpdir(), 'sre-lab-bench-'));
			dirs.push(dir);
			copyFileSync(fixture, join(dir, 'lab1.json'));
			download.push(await timed(`curl -fsSLO ${url}`, dir));
			rmSync(join(dir, grader.fileName));
			cold.push(await timed(`curl -fsSLO ${url} && node ${grader.fileName} ${args}`, dir));
			warm.push(await timed(`node ${grader.fileName} ${args}`, dir));
		}
		rows.push([label, ms(median(cold)), ms(median(download)), ms(median(warm))]);
	}
	const footprint = readdirSync(dirs[0] as string)
		.filter((name) => name !== 'lab1.json')
		.reduce((sum, name) => sum + statSync(join(dirs[0] as string, name)).size, 0);
	const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

	console.log(`Learner's grader ${grader.fileName}, Node ${nodeVersion}, ${cpus().length} CPUs, median of ${runs}`);
	console.log(
		`download ${mib(grader.bytes.length)} (${mib(gzipSync(grader.bytes).length)} if the site serves it gzip-compressed)`,
	);
	console.log(`disk footprint after the first run: ${mib(footprint)} (one file; no node_modules, no npm cache)`);
	console.log('| command | cold: download + first run | of which download | warm: run again |');
	console.log('| --- | --- | --- | --- |');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
	server.close();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
