import { commands } from './commands/index.ts';
import type { CliIo } from './io.ts';
import { runCli } from './run-cli.ts';

const fullCli = {
	description: 'Read-only graders for the SRE Foundations on AWS labs: check your own lab work, or grade a cohort.',
	commands,
};

/** The full CLI (learner and cohort commands); returns the exit code and never calls process.exit. */
export function main(argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
	return runCli(fullCli, argv, ioOverrides);
}
