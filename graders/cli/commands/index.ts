/**
 * The CLI's commands. Each module registers one command on the program; add a line here to add one.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../io.ts';
import { registerCheck } from './check.ts';
import { registerLabs } from './labs.ts';
import { registerPolicy } from './policy.ts';

export type RegisterCommand = (program: Command, context: CommandContext) => void;

export const commands: readonly RegisterCommand[] = [
	registerCheck,
	registerLabs,
	registerPolicy,
];

export function registerCommands(program: Command, context: CommandContext): void {
	for (const register of commands) register(program, context);
}
