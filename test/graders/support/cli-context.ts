import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../../graders/cli/io.ts';
import { createClientProvider } from '../../../graders/engine/clients.ts';

/** A CLI context that records what a command printed and the exit code it set. */
export function fakeCliContext(env: Record<string, string> = {}) {
	const stdout: string[] = [];
	const stderr: string[] = [];
	let exitCode = 0;
	const context: CommandContext = {
		io: {
			stdout: (text) => stdout.push(text),
			stderr: (text) => stderr.push(text),
			isTTY: false,
			env,
			createClients: createClientProvider,
			now: () => new Date(),
		},
		setExitCode: (code) => {
			exitCode = code;
		},
	};
	return { context, stdout: () => stdout.join(''), stderr: () => stderr.join(''), exitCode: () => exitCode };
}

/** A scratch folder for rosters, progress files and gradebooks; `remove()` deletes it. */
export function scratchDirectory() {
	const dir = mkdtempSync(join(tmpdir(), 'sre-lab-cli-'));
	return {
		dir,
		file(name: string, content: string): string {
			const path = join(dir, name);
			writeFileSync(path, content);
			return path;
		},
		path: (name: string) => join(dir, name),
		remove: () => rmSync(dir, { recursive: true, force: true }),
	};
}
