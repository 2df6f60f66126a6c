/**
 * A learner with nothing but AWS CloudShell: no clone, no node_modules, the machine's own Node 20. The course
 * site publishes the grader; the Lab 1 page shows the command that downloads it, checks its SHA-256 and runs it.
 * This runs exactly that command (only the origin pointed at the local server) in an empty folder, for a site
 * built at `/` and one built under `/sre-course/`, and then every lab-tooling command the Lab 2 and Lab 3 pages show.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { childProcessEnv } from '../support/child-env.ts';
import { downloadCommandsIn, machinePath, type PageCommand } from './support/download-commands.ts';
import { type StaticSite, serveStaticSite } from './support/static-server.ts';

const run = promisify(execFile);
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const graderFile = `sre-lab-${version}.mjs`;
const failingFixture = resolve('test/fixtures/snapshots/lab1/failing.json');
const learnerPath = machinePath();
const temporaryDirs: string[] = [];

function emptyDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'sre-lab-learner-'));
	temporaryDirs.push(dir);
	return dir;
}

/** Runs a page's command with bash in `cwd`, as a learner's shell would: the machine's PATH, HOME there, no AWS settings. */
async function shell(command: string, cwd: string, env: Record<string, string> = {}) {
	try {
		const { stdout, stderr } = await run('bash', ['-c', command], {
			cwd,
			env: { PATH: learnerPath, HOME: cwd, LANG: 'C.UTF-8', ...env },
			timeout: 60_000,
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code?: number; stdout?: string; stderr?: string };
		if (typeof failure.code !== 'number') throw error;
		return { code: failure.code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
	}
}

function sha256Of(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The command with the origin the site was built for replaced by the local server's. */
function onServer(command: PageCommand, site: StaticSite): string {
	return command.command.replaceAll(new URL(command.url).origin, new URL(site.url).origin);
}

async function commandsOn(site: StaticSite, page: string): Promise<PageCommand[]> {
	const response = await fetch(new URL(page, site.url));
	expect(response.status, page).toBe(200);
	const commands = downloadCommandsIn(await response.text());
	for (const command of commands) expect(command.displayed, `${page} ${command.download}`).toBe(command.command);
	return commands;
}

test("the learner's Node is the machine's own, not the project's pinned Node", () => {
	const nodePath = execFileSync('bash', ['-c', 'command -v node'], { env: { PATH: learnerPath } })
		.toString()
		.trim();
	expect(realpathSync(nodePath)).not.toContain('node_modules');
	const major = Number(execFileSync(nodePath, ['-p', 'process.versions.node']).toString().split('.')[0]);
	expect(major).toBeGreaterThanOrEqual(20);
});

/** The grader as the Lab 1 page of one build shows it, run in empty folders. */
function learnerRunsTheGrader(
	label: string,
	openSite: () => Promise<{ site: StaticSite; base: string; origin?: string }>,
) {
	describe(label, () => {
		let site: StaticSite;
		let command: PageCommand;
		let builtFor: { base: string; origin?: string };

		beforeAll(async () => {
			const opened = await openSite();
			site = opened.site;
			builtFor = opened;
			const grader = (await commandsOn(site, 'labs/lab1/')).filter((entry) => entry.download === 'grader');
			expect(grader.length).toBeGreaterThan(0);
			command = grader[0] as PageCommand;
		}, 240_000);

		test('the Lab 1 page shows the site’s own URL, with its base path and version', () => {
			const url = command.url;
			expect(new URL(url).pathname).toBe(`${builtFor.base}${graderFile}`);
			if (builtFor.origin) expect(new URL(url).origin).toBe(builtFor.origin);
			expect(command.command).toBe(
				`curl -fsSLO ${url} &&\n  echo "${command.sha256}  ${graderFile}" | sha256sum -c &&\n  node ${graderFile} check lab1`,
			);
		});

		test('check lab1 --from-snapshot: downloads, verifies, prints the checklist, exit 1', async () => {
			const dir = emptyDir();
			copyFileSync(failingFixture, join(dir, 'lab1-failing.json'));
			const { code, stdout, stderr } = await shell(`${onServer(command, site)} --from-snapshot lab1-failing.json`, dir);
			expect(stderr).toBe('');
			expect(stdout).toContain(`${graderFile}: OK`);
			expect(stdout).toMatch(/^✓ Step 1 /m);
			expect(stdout).toMatch(/^✗ /m);
			expect(stdout).toMatch(/^Score \d+\/100/m);
			expect(code).toBe(1);
			// Nothing but the download (and the learner's snapshot) in the folder: no node_modules, no install.
			expect(readdirSync(dir).sort()).toEqual(['lab1-failing.json', graderFile].sort());
			expect(sha256Of(join(dir, graderFile))).toBe(command.sha256);
		});

		test('labs lists the labs (the same download, run again)', async () => {
			const dir = emptyDir();
			const labsCommand = onServer(command, site).replace(/ check lab1$/, ' labs');
			const { code, stdout } = await shell(labsCommand, dir);
			expect(code).toBe(0);
			expect(stdout.match(/^lab\d(?= {2}\S)/gm)).toEqual(['lab1', 'lab2', 'lab3', 'lab4']);
			const second = await shell(`node ${graderFile} labs`, dir);
			expect(second.stdout).toBe(stdout.replace(`${graderFile}: OK\n`, ''));
		});

		test('the published .sha256 file and the page agree with the artifact', async () => {
			const artifact = Buffer.from(await (await fetch(new URL(graderFile, site.url))).arrayBuffer());
			const checksum = await (await fetch(new URL(`${graderFile}.sha256`, site.url))).text();
			const sha256 = createHash('sha256').update(artifact).digest('hex');
			expect(sha256).toBe(command.sha256);
			expect(checksum).toBe(`${sha256}  ${graderFile}\n`);
			expect(artifact.length).toBeLessThan(5 * 1024 * 1024);
		});
	});
}

test('no built page tells learners to run `npx sre-lab` (an unscoped name anyone could register)', () => {
	const pages = (readdirSync(inject('distDir'), { recursive: true }) as string[]).filter((path) =>
		path.endsWith('.html'),
	);
	expect(pages.length).toBeGreaterThan(20);
	const offending = pages.filter((path) => readFileSync(join(inject('distDir'), path), 'utf8').includes('npx sre-lab'));
	expect(offending).toEqual([]);
});

afterAll(() => {
	for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** The `dist/` the e2e global setup serves (built by `npm run build`, for whatever SITE_URL was set then). */
const rootSite: StaticSite = { url: inject('siteUrl'), close: async () => {} };
learnerRunsTheGrader('a course served at the domain root', async () => ({ site: rootSite, base: '/' }));

const base = '/sre-course/';
const baseOutDir = mkdtempSync(join(tmpdir(), 'sre-course-learner-'));
let baseSite: StaticSite;
learnerRunsTheGrader('a course served under /sre-course/', async () => {
	await run(resolve('node_modules/.bin/astro'), ['build', '--silent'], {
		env: childProcessEnv({ SITE_URL: 'https://course.example.org', SITE_BASE: base, SITE_OUT_DIR: baseOutDir }),
		maxBuffer: 64 * 1024 * 1024,
	});
	baseSite = await serveStaticSite(baseOutDir, base);
	return { site: baseSite, origin: 'https://course.example.org', base };
});
afterAll(async () => {
	await baseSite?.close();
	rmSync(baseOutDir, { recursive: true, force: true });
});

/** Where AWS CloudShell's credentials endpoint answers (AWS_CONTAINER_CREDENTIALS_FULL_URI), mimicked on loopback. */
const containerCredentialsPath = '/latest/meta-data/container/security-credentials';
const containerToken = 'cloudshell-authorization-token';

/**
 * A loopback server that records requests and answers every AWS call with a 500. Like CloudShell's credentials
 * endpoint, it hands out temporary credentials (the container-credentials JSON) to a request carrying the token.
 */
async function failingEndpoint(): Promise<{
	server: Server;
	seen: { url: string; headers: IncomingHttpHeaders }[];
	url: string;
}> {
	const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
	const server = createServer((request, response) => {
		seen.push({ url: request.url ?? '', headers: request.headers });
		request.resume();
		if (request.url === containerCredentialsPath && request.headers.authorization === containerToken) {
			response.writeHead(200, { 'content-type': 'application/json' }).end(
				JSON.stringify({
					AccessKeyId: 'ASIAEXAMPLECLOUDSHELL',
					SecretAccessKey: 'secret',
					Token: 'session-token',
					Expiration: new Date(Date.now() + 3_600_000).toISOString(),
				}),
			);
			return;
		}
		response.writeHead(500).end('{"message":"internal error"}');
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the downloaded grader calls AWS through the bundled SDK', () => {
	test('with CloudShell-style credentials, signed requests go out; a failing endpoint is "could not grade" (exit 2), no stack trace', async () => {
		const [command] = (await commandsOn(rootSite, 'labs/lab1/')).filter((entry) => entry.download === 'grader');
		const endpoint = await failingEndpoint();
		try {
			const dir = emptyDir();
			const { code, stdout, stderr } = await shell(
				`${onServer(command as PageCommand, rootSite)} --endpoint-url ${endpoint.url}`,
				dir,
				{
					// What AWS CloudShell sets: the Region, and a local endpoint that serves the session's credentials.
					AWS_REGION: 'eu-west-1',
					AWS_CONTAINER_CREDENTIALS_FULL_URI: `${endpoint.url}${containerCredentialsPath}`,
					AWS_CONTAINER_AUTHORIZATION_TOKEN: containerToken,
					AWS_MAX_ATTEMPTS: '1',
				},
			);
			expect(code).toBe(2);
			const awsCalls = endpoint.seen.filter((request) => request.url !== containerCredentialsPath);
			expect(awsCalls.length).toBeGreaterThan(0);
			for (const call of awsCalls) {
				expect(call.headers.authorization).toMatch(
					/^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLECLOUDSHELL\/\d{8}\/eu-west-1\//,
				);
				expect(call.headers['x-amz-security-token']).toBe('session-token');
			}
			expect(stdout).toMatch(/^! /m);
			expect(`${stdout}${stderr}`).not.toMatch(/Dynamic require|NodeVersionSupportWarning|^\s+at /m);
		} finally {
			endpoint.server.close();
		}
	});
});

describe('lab tooling, downloaded as the Lab 2 and Lab 3 pages show it', () => {
	let lab2: PageCommand[];
	let lab3: PageCommand[];
	beforeAll(async () => {
		lab2 = await commandsOn(rootSite, 'labs/lab2/');
		lab3 = await commandsOn(rootSite, 'labs/lab3/');
	});
	const only = (commands: PageCommand[], id: string) => commands.filter((entry) => entry.download === id);

	test('Lab 2: the function package unpacks to the function the course ships', async () => {
		const [command] = only(lab2, 'lab2-cleanup-function');
		const home = emptyDir();
		const { code, stdout, stderr } = await shell(onServer(command as PageCommand, rootSite), home);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain(`${home}/cleanup.zip: OK`);
		const shipped = readdirSync('labs/lab2/cleanup-function').sort();
		expect(readdirSync(join(home, 'cleanup-function')).sort()).toEqual(shipped);
		for (const name of shipped) {
			expect(readFileSync(join(home, 'cleanup-function', name), 'utf8')).toBe(
				readFileSync(join('labs/lab2/cleanup-function', name), 'utf8'),
			);
		}
	});

	test('Lab 2: the seeding script runs on plain node (--dry-run creates nothing)', async () => {
		const [command] = only(lab2, 'lab2-seed-snapshots');
		const { code, stdout } = await shell(`${onServer(command as PageCommand, rootSite)} --dry-run`, emptyDir());
		expect(code).toBe(0);
		expect(stdout).toContain('nothing was created');
		expect(stdout.match(/lab2-(expired|keep)-[a-z-]+/g)).toHaveLength(5);
	});

	test('Lab 3: the application template is the one in the course repository', async () => {
		const commands = only(lab3, 'lab3-app-template');
		expect(commands.length).toBeGreaterThan(0);
		for (const command of commands) {
			// Download and verify only: the last line deploys to AWS.
			const lines = onServer(command, rootSite).split(' &&\n  ');
			expect(lines.at(-1)).toMatch(/^aws cloudformation deploy .*--template-file app-template-/);
			const dir = emptyDir();
			const { code } = await shell(lines.slice(0, -1).join(' &&\n  '), dir);
			expect(code).toBe(0);
			const [file] = readdirSync(dir);
			expect(readFileSync(join(dir, file as string), 'utf8')).toBe(readFileSync('labs/lab3/app/template.yaml', 'utf8'));
		}
	});

	test('Lab 3: the load generator sends traffic to the API it is given', async () => {
		const api = await failingEndpoint();
		try {
			const commands = only(lab3, 'lab3-load-generator');
			expect(commands).toHaveLength(2);
			for (const command of commands) {
				// The page's URL placeholder and $API_URL both become the local stand-in; an hour becomes two seconds.
				const text = onServer(command, rootSite)
					.replace('https://abc123.execute-api.eu-west-1.amazonaws.com', '"$API_URL"')
					.replace('--duration 3600', '--duration 2');
				const { code, stdout } = await shell(text, emptyDir(), { API_URL: api.url });
				expect(code).toBe(0);
				expect(stdout).toContain(`Sending 5 req/s to ${api.url}/`);
			}
			expect(api.seen.length).toBeGreaterThan(5);
		} finally {
			api.server.close();
		}
	}, 30_000);
});
