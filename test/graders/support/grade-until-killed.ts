/**
 * Child process for the "run killed part-way" test: grades a roster with a slow fake grader so the
 * parent can SIGKILL it mid-run. Usage: node grade-until-killed.ts <roster.csv> <gradebook.sqlite>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { runGrade } from '../../../graders/cli/commands/grade.ts';
import { fakeCliContext } from './cli-context.ts';
import { fakeLabResult, fakeSnapshot } from './cohort-fixtures.ts';

const [roster, gradebook] = process.argv.slice(2);
if (!roster || !gradebook) throw new Error('usage: grade-until-killed.ts <roster.csv> <gradebook.sqlite>');

const cli = fakeCliContext();
await runGrade(
	'lab1',
	{
		roster,
		gradebook,
		roleName: 'SreLabGrader',
		externalId: 'x-course',
		region: 'eu-west-1',
		concurrency: '2',
		timeout: '60',
	},
	cli.context,
	{
		createGrader: async () => async (target) => {
			await sleep(60);
			return { snapshot: fakeSnapshot(target.accountId), results: [fakeLabResult('lab1', target.accountId, ['pass'])] };
		},
		onInterrupt: () => () => {},
		progressStream: () => ({ write: () => true }),
	},
);
