import type { Command } from 'commander';
import { generateGraderPolicy } from '../../engine/policy.ts';
import { collectorsForLabs, getLab, labIds } from '../../labs/index.ts';
import { type CommandContext, UsageError } from '../io.ts';

export function registerPolicy(program: Command, context: CommandContext): void {
	program
		.command('policy')
		.description('print the least-privilege IAM policy (JSON) the graders need, generated from their declared reads')
		.argument('[labs...]', 'only these labs (default: all)')
		.action((requested: string[]) => {
			const ids = requested.length > 0 ? requested : labIds();
			for (const id of ids) {
				try {
					getLab(id);
				} catch (error) {
					throw new UsageError((error as Error).message);
				}
			}
			context.io.stdout(`${JSON.stringify(generateGraderPolicy(collectorsForLabs(ids)), null, 2)}\n`);
		});
}
