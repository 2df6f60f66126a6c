import { type ChildProcess, spawn } from 'node:child_process';

/** How to get the emulator; printed whenever it is missing, because the tier never skips. */
export const motoInstallCommand = 'pip install "moto[server]"';

/** `moto_server` from PATH, or the path in MOTO_SERVER. */
export const motoServerCommand = process.env.MOTO_SERVER ?? 'moto_server';

export interface MotoServer {
	/** e.g. `http://127.0.0.1:38211`: what `--endpoint-url` gets. */
	endpoint: string;
	pid: number;
	/** Stops the server and everything it started; safe to call twice. */
	stop(): Promise<void>;
}

const startTimeoutMs = 30_000;

/** Kills the whole process group: the pyenv shim and the Python server it execs share it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function answers(endpoint: string): Promise<boolean> {
	try {
		const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(2_000) });
		await response.body?.cancel();
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Starts moto server on a free loopback port (`-p 0`: the kernel picks it, so parallel runs never
 * collide) with AWS managed policies loaded, and resolves once it answers HTTP. Rejects with the
 * install command when `moto_server` is missing. The server runs in its own process group and is
 * killed with the test process even if a test run dies without calling stop().
 */
export async function startMotoServer(command = motoServerCommand): Promise<MotoServer> {
	const child = spawn(command, ['-H', '127.0.0.1', '-p', '0'], {
		env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', PYTHONUNBUFFERED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const killOnExit = () => killGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	let output = '';
	let onOutput = (_chunk: Buffer) => {};
	const stop = async () => {
		process.removeListener('exit', killOnExit);
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
		await exited(child);
		clearTimeout(timer);
	};
	try {
		const endpoint = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`moto_server did not report its address within ${startTimeoutMs / 1000} s`)),
				startTimeoutMs,
			);
			onOutput = (chunk: Buffer) => {
				output += chunk.toString();
				const address = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
				if (address) {
					clearTimeout(timer);
					resolve(address);
				}
			};
			child.stdout?.on('data', onOutput);
			child.stderr?.on('data', onOutput);
			child.once('error', (error: NodeJS.ErrnoException) => {
				clearTimeout(timer);
				reject(
					error.code === 'ENOENT'
						? new Error(
								`${command} not found. The integration tests run every collector against moto server 5.x; ` +
									`install it with \`${motoInstallCommand}\` (or set MOTO_SERVER to its path). These tests never skip.`,
							)
						: error,
				);
			});
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				reject(new Error(`moto_server exited (${signal ?? `code ${code}`}) before it started`));
			});
		});
		const deadline = Date.now() + startTimeoutMs;
		while (!(await answers(endpoint))) {
			if (Date.now() > deadline) throw new Error(`moto_server at ${endpoint} did not answer`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		// Its request log is drained (a full pipe would stall the server) but no longer kept.
		child.stdout?.off('data', onOutput);
		child.stderr?.off('data', onOutput);
		child.stdout?.resume();
		child.stderr?.resume();
		return { endpoint, pid: child.pid as number, stop };
	} catch (error) {
		await stop();
		const tail = output.trim().split('\n').slice(-5).join('\n');
		throw new Error(`${(error as Error).message}${tail ? `\nmoto_server said:\n${tail}` : ''}`, { cause: error });
	}
}
