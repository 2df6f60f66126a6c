/**
 * The checkout launcher (bin/sre-lab.js) on a Node too old to strip types re-runs itself under the
 * pinned Node 22. These tests start it for real under such a Node (the machine's own Node 20) and
 * check that it passes signals on and ends as its child ends.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/sre-lab.js', import.meta.url));
const pinnedNode = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url));

/** The launcher re-runs itself below this version; the test needs a Node that old to see it do so. */
function isTooOldToStripTypes(version: string): boolean {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	return major < 22 || (major === 22 && minor < 18);
}

/**
 * A Node older than 22.18: SRE_LAB_TEST_OLD_NODE, else the first on PATH or in the usual places
 * (npm puts the pinned Node 22 first on PATH for tests, so the machine's own Node comes later).
 */
function findOldNode(): string {
	const candidates = [
		process.env.SRE_LAB_TEST_OLD_NODE,
		...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')),
		'/usr/bin/node',
		'/usr/local/bin/node',
	].filter((path): path is string => Boolean(path) && existsSync(path as string));
	for (const candidate of new Set(candidates)) {
		const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
		if (isTooOldToStripTypes(version)) return candidate;
	}
	throw new Error(
		'These tests need a Node older than 22.18 (on this project’s machines, the system Node 20) to make the launcher re-run itself. Set SRE_LAB_TEST_OLD_NODE to one.',
	);
}

/** Direct children of a process, from `ps` (Linux and macOS). */
function childrenOf(pid: number): number[] {
	return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number))
		.filter(([, parent]) => parent === pid)
		.map(([child]) => child as number);
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** An AWS endpoint that accepts every request and never answers: the grader waits on it indefinitely. */
async function silentEndpoint(): Promise<{ url: string; requests: () => number; close: () => void }> {
	let requests = 0;
	const sockets = new Set<Socket>();
	const server: Server = createServer(() => {
		requests += 1;
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => requests,
		close: () => {
			for (const socket of sockets) socket.destroy();
			server.close();
		},
	};
}

describe('the sre-lab launcher on a Node older than 22.18', () => {
	const oldNode = findOldNode();
	let workDir: string;
	let launched: ChildProcess | undefined;
	const stragglers: number[] = [];

	beforeEach(() => {
		workDir = mkdtempSync(join(tmpdir(), 'sre-lab-launcher-'));
	});

	afterEach(() => {
		launched?.kill('SIGKILL');
		for (const pid of stragglers.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
		rmSync(workDir, { recursive: true, force: true });
	});

	function launch(args: string[]) {
		const child = spawn(oldNode, [launcher, ...args], {
			cwd: workDir,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				PATH: process.env.PATH,
				HOME: workDir,
				AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
				AWS_SECRET_ACCESS_KEY: 'not-a-secret',
				AWS_MAX_ATTEMPTS: '1',
			},
		});
		let output = '';
		child.stdout?.on('data', (chunk) => {
			output += chunk;
		});
		child.stderr?.on('data', (chunk) => {
			output += chunk;
		});
		launched = child;
		const ended = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
		return { child, ended, output: () => output };
	}

	it('ends with the exit code of the grader it ran under the pinned Node 22', async () => {
		const labs = launch(['labs']);
		expect(await labs.ended).toEqual([0, null]);
		expect(labs.output()).toContain('lab1');

		const unknownLab = launch(['check', 'lab99']);
		expect(await unknownLab.ended).toEqual([64, null]);
		expect(unknownLab.output()).toContain('unknown lab "lab99"');
	}, 90_000);

	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
		it(`passes ${signal} on to the grader, which stops, and dies of ${signal} itself`, async () => {
			const endpoint = await silentEndpoint();
			try {
				const run = launch(['check', 'lab1', '--region', 'us-east-1', '--endpoint-url', endpoint.url]);
				const launcherPid = run.child.pid as number;
				// The grader is running under the pinned Node once its first request arrives.
				await waitFor(() => endpoint.requests() > 0, 'the grader’s first AWS request');
				const graders = childrenOf(launcherPid);
				stragglers.push(...graders);
				expect(graders).toHaveLength(1);
				const grader = graders[0] as number;
				const command = execFileSync('ps', ['-o', 'args=', '-p', String(grader)], { encoding: 'utf8' });
				expect(command).toContain(pinnedNode);

				run.child.kill(signal);

				expect(await run.ended).toEqual([null, signal]);
				await waitFor(() => !isRunning(grader), `the grader (pid ${grader}) to stop`, 5_000);
			} finally {
				endpoint.close();
			}
		}, 90_000);
	}
});
