/**
 * The CLI's commands. Each module registers one command on the program; add a line here to add one.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../io.ts';
import { registerCheck } from './check.ts';
import { registerDoctor } from './doctor.ts';
import { registerGrade } from './grade.ts';
import { registerImportProgress } from './import-progress.ts';
import { registerLabs } from './labs.ts';
import { registerPolicy } from './policy.ts';
import { registerRegrade } from './regrade.ts';
import { registerReport } from './report.ts';
import { registerWatch } from './watch.ts';

export type RegisterCommand = (program: Command, context: CommandContext) => void;

export const commands: readonly RegisterCommand[] = [
	registerCheck,
	registerDoctor,
	registerLabs,
	registerPolicy,
	registerGrade,
	registerWatch,
	registerRegrade,
	registerImportProgress,
	registerReport,
];

export function registerCommands(program: Command, context: CommandContext): void {
	for (const register of commands) register(program, context);
}
