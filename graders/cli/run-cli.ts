import { Command, CommanderError } from 'commander';
import type { RegisterCommand } from './commands/index.ts';
import { exitCodes } from './exit-codes.ts';
import { CannotGradeError, type CliIo, defaultIo, UsageError } from './io.ts';
import { packageVersion } from './package-version.ts';

const usageHint = "Run 'sre-lab --help' for usage.";

const exitCodeHelp = `
Exit codes:
  0   every check passed
  1   some checks failed (you have work to do)
  2   could not grade: credentials, permissions, throttling, network or region problems,
      or another process is grading the same run
  64  usage error: unknown lab or option, unreadable snapshot`;

/** What differs between the full CLI (a checkout, the npm package) and the learner's single-file grader. */
export interface CliFlavour {
	description: string;
	commands: readonly RegisterCommand[];
	/** Extra text at the end of `--help`. */
	helpFooter?: string;
}

function buildProgram(flavour: CliFlavour, io: CliIo, setExitCode: (code: number) => void): Command {
	const program = new Command('sre-lab')
		.description(flavour.description)
		.version(packageVersion, '-V, --version')
		.exitOverride()
		.configureOutput({
			writeOut: (text) => io.stdout(text),
			writeErr: (text) => io.stderr(text),
			// runCli() prints its own one-line error with the usage hint.
			outputError: () => {},
		})
		.showSuggestionAfterError(true)
		.addHelpText('after', `${exitCodeHelp}${flavour.helpFooter ? `\n\n${flavour.helpFooter}` : ''}`);
	const context = { io, setExitCode };
	for (const register of flavour.commands) register(program, context);
	return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit, so tests can run it in-process. */
export async function runCli(flavour: CliFlavour, argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
	const io: CliIo = { ...defaultIo(), ...ioOverrides };
	let exitCode: number = exitCodes.allPass;
	const program = buildProgram(flavour, io, (code) => {
		exitCode = code;
	});
	const oneLine = (message: string) => io.stderr(`sre-lab: ${message.replace(/^error: /, '').split('\n')[0]}\n`);
	try {
		if (argv.length === 0) {
			io.stderr(program.helpInformation());
			return exitCodes.usage;
		}
		await program.parseAsync(argv, { from: 'user' });
		return exitCode;
	} catch (error) {
		if (error instanceof CommanderError) {
			if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.allPass;
			oneLine(error.message);
			io.stderr(`${usageHint}\n`);
			return exitCodes.usage;
		}
		if (error instanceof UsageError) {
			oneLine(error.message);
			io.stderr(`${usageHint}\n`);
			return exitCodes.usage;
		}
		if (error instanceof CannotGradeError) {
			oneLine(error.message);
			return exitCodes.couldNotGrade;
		}
		// Anything else is a bug or an environment failure: still "could not grade", never a pass.
		oneLine(`could not grade: ${(error as Error).message}`);
		return exitCodes.couldNotGrade;
	}
}
