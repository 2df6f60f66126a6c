import { type ClientProvider, type ClientProviderOptions, createClientProvider } from '../engine/clients.ts';

/** Everything the CLI touches outside itself, so tests can run it in-process with fakes. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Colour and progress messages only when a person is watching. */
	isTTY: boolean;
	env: Readonly<Record<string, string | undefined>>;
	/** Makes the AWS clients; tests inject mocked or call-refusing providers. */
	createClients(options: ClientProviderOptions): ClientProvider;
	now(): Date;
}

export function defaultIo(): CliIo {
	return {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
		env: process.env,
		createClients: createClientProvider,
		now: () => new Date(),
	};
}

/** A mistake in how the command was called: reported on one line with a usage hint, exit 64. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/** The environment prevents grading (no region, no credentials): exit 2. */
export class CannotGradeError extends Error {
	override name = 'CannotGradeError';
}

export interface CommandContext {
	io: CliIo;
	setExitCode(code: number): void;
}
