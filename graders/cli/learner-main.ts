import { learnerCommands } from './commands/learner.ts';
import type { CliIo } from './io.ts';
import { runCli } from './run-cli.ts';

const learnerCli = {
	description: 'Check your own SRE Foundations on AWS lab work. Read-only: it never changes your AWS account.',
	commands: learnerCommands,
	helpFooter:
		'Instructors: the cohort commands (grade, watch, regrade, report, import-progress) run from a clone of the course\n' +
		"repository after `npm install` (its ./bin/sre-lab.js), or from the npm package '@sre-foundations/sre-lab'.",
};

/** The learner's CLI (check, labs, policy, doctor); returns the exit code and never calls process.exit. */
export function learnerMain(argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
	return runCli(learnerCli, argv, ioOverrides);
}
