import type { Command } from 'commander';
import { labs } from '../../labs/index.ts';
import type { CommandContext } from '../io.ts';

export function registerLabs(program: Command, context: CommandContext): void {
	program
		.command('labs')
		.description('list the labs and the checks each grader runs')
		.option('--json', 'print the lab manifests as JSON')
		.action((options: { json?: boolean }) => {
			if (options.json) {
				context.io.stdout(
					`${JSON.stringify(
						labs.map((lab) => lab.manifest),
						null,
						2,
					)}\n`,
				);
				return;
			}
			const lines: string[] = [];
			for (const lab of labs) {
				const points = lab.manifest.checks.reduce((sum, check) => sum + check.points, 0);
				lines.push(`${lab.id}  ${lab.manifest.title} (${lab.manifest.checks.length} checks, ${points} points)`);
				for (const check of lab.manifest.checks) {
					lines.push(`  step ${check.step}  ${check.id.padEnd(34)} ${check.title}`);
				}
				lines.push('');
			}
			context.io.stdout(`${lines.join('\n')}`);
		});
}
