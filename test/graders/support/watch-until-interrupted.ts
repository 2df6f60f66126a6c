/**
 * Child process for the "Ctrl-C during a watch round" test: watches a roster with slow simulated
 * accounts and the real SIGINT handler, and exits with watch's exit code.
 * Usage: node watch-until-interrupted.ts <roster.csv> <gradebook.sqlite> <grace, e.g. 10s>
 */
import { productionGradeDependencies } from '../../../graders/cli/commands/grade.ts';
import { runWatch } from '../../../graders/cli/commands/watch.ts';
import { fakeCliContext } from './cli-context.ts';
import { simulatedAccounts } from './watch-fixtures.ts';

const [roster, gradebook, grace] = process.argv.slice(2);
if (!roster || !gradebook || !grace) throw new Error('usage: watch-until-interrupted.ts <roster> <gradebook> <grace>');

const accounts = simulatedAccounts((_, call) => call, { delayMs: 400 });
const cli = fakeCliContext();
await runWatch(
	'lab1',
	{
		roster,
		gradebook,
		roleName: 'SreLabGrader',
		externalId: 'x-course',
		region: 'eu-west-1',
		concurrency: '2',
		timeout: '60',
		every: '1h',
		stuckAfter: '15m',
		port: '0',
		host: '127.0.0.1',
		grace,
	},
	cli.context,
	{
		...productionGradeDependencies,
		createGrader: async () => accounts.grade,
		progressStream: () => ({ write: () => true }),
	},
);
process.stderr.write(cli.stderr());
process.exitCode = cli.exitCode();
