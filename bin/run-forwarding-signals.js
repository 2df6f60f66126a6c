// Runs a command as a child and stands in for it: the signals that stop a program (SIGINT from Ctrl-C
// or a CI runner, SIGTERM from `timeout` or a cancelled job, SIGHUP from a closed terminal) are passed
// on to the child, and when the child ends this process ends the same way.
//
// Plain JavaScript, because the launcher uses it on Node versions that cannot run TypeScript.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const forwardedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * How the caller should end once the child has: with the child's exit code, or by the signal that
 * killed it. Re-raising the signal (rather than exiting 128 + n) lets a supervisor such as `timeout`,
 * a shell or a CI runner see the truth, "killed by SIGTERM"; a shell still reports it as 128 + n.
 */
export function endingFor(code, signal) {
	if (signal) return { signal, fallbackCode: 128 + (constants.signals[signal] ?? 0) };
	return { code: code ?? 2 };
}

/**
 * Spawns `command args` with this process's stdio and resolves with how it ended.
 *
 * On POSIX the child gets a process group of its own. A terminal sends Ctrl-C to every process of
 * its foreground group; were the child in ours, it would receive SIGINT twice (from the terminal and
 * from us), and the second one would cut short a command that handles the first gracefully
 * (`sre-lab grade` finishes its current accounts on Ctrl-C). In its own group it hears only us.
 */
export function runForwardingSignals(command, args) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', detached: process.platform !== 'win32' });
		const relays = forwardedSignals.map((signal) => {
			const relay = () => {
				if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			};
			process.on(signal, relay);
			return [signal, relay];
		});
		const stopRelaying = () => {
			for (const [signal, relay] of relays) process.off(signal, relay);
		};
		child.once('error', (error) => {
			stopRelaying();
			resolve({ error });
		});
		child.once('exit', (code, signal) => {
			stopRelaying();
			resolve(endingFor(code, signal));
		});
	});
}

/**
 * Ends this process as the child ended. With no listener left for the signal, its default action
 * applies and the process dies of it; the exit code is the fallback where it does not (Windows).
 */
export function endAs(ending) {
	if (ending.signal) {
		process.exitCode = ending.fallbackCode;
		process.kill(process.pid, ending.signal);
		return;
	}
	process.exitCode = ending.code;
}
