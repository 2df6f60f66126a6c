/**
 * Child process for the "two `grade --resume` at once" test: resumes the cohort's run through the
 * CLI with a slow fake grader, appends each learner it grades to <graded.log>, and prints its exit
 * code and stderr as JSON. Each grading waits until <graded.log>.go exists, so the parent decides
 * when the run may end. Usage: node grade-resume-child.ts <roster.csv> <gradebook.sqlite> <graded.log>
 */
import { appendFileSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGradeCommand } from '../../../graders/cli/commands/grade.ts';
import { runCli } from '../../../graders/cli/run-cli.ts';
import { fakeLabResult, fakeSnapshot } from './cohort-fixtures.ts';

const [roster, gradebook, log] = process.argv.slice(2);
if (!roster || !gradebook || !log)
	throw new Error('usage: grade-resume-child.ts <roster.csv> <gradebook.sqlite> <log>');

let stderr = '';
const grade = createGradeCommand({
	createGrader: async () => async (target) => {
		appendFileSync(log, `${target.learnerId}\n`);
		while (!existsSync(`${log}.go`)) await sleep(20);
		return { snapshot: fakeSnapshot(target.accountId), results: [fakeLabResult('lab1', target.accountId, ['pass'])] };
	},
	onInterrupt: () => () => {},
	progressStream: () => ({ write: () => true }),
});
const code = await runCli(
	{ description: 'test', commands: [grade] },
	[
		'grade',
		'lab1',
		'--roster',
		roster,
		'--gradebook',
		gradebook,
		'--external-id',
		'x-course',
		'--region',
		'eu-west-1',
		'--concurrency',
		'2',
		'--resume',
	],
	{
		stdout: () => {},
		stderr: (text) => {
			stderr += text;
		},
		isTTY: false,
		env: {},
	},
);
process.stdout.write(JSON.stringify({ code, stderr }));
