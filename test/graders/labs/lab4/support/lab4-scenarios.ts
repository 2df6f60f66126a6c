import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { lab4 } from '../../../../../graders/labs/lab4/index.ts';
import { collectFromMockedAccount } from '../../../support/collect-mocked.ts';
import {
	app,
	collectedAt,
	completeLab4Account,
	type Lab4Account,
	type MockOptions,
	mockLab4Account,
	region,
} from './lab4-account.ts';

/** Collects a Lab 4 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export function collectLab4(account: Lab4Account, options: MockOptions = {}): Promise<Snapshot> {
	return collectFromMockedAccount({
		collectors: lab4.collectors,
		installMocks: () => mockLab4Account(account, options),
		region,
		collectedAt,
	});
}

/**
 * The accounts behind the committed fixtures:
 * - passing: every step done (the experiment stopped by its stop condition, the alarm back to OK);
 * - failing: a learner part-way — an experiment template whose role may touch any function and with
 *   no stop condition, the remediation rule disabled, drift found but not undone, a Config rule that
 *   evaluated only other resources, and a postmortem without owners or a linked alarm;
 * - access-denied: everything done, but the grader may not call iam:SimulatePrincipalPolicy nor
 *   ssm:DescribeOpsItems;
 * - experiment-failed: the template is ready, but its only experiment failed;
 * - not-detected: the experiment completed, but no alarm went to ALARM during it.
 */
export const lab4FixtureScenarios: Record<string, () => Promise<Snapshot>> = {
	passing: () => collectLab4(completeLab4Account()),
	failing: () => {
		const account = completeLab4Account();
		account.roleAllows = { [app.fisRole]: ['*'] };
		for (const template of account.fisTemplates) template.stopConditions = [{ source: 'none' }];
		for (const rule of account.rules) rule.state = 'DISABLED';
		account.executions = [];
		account.driftDetections = account.driftDetections.slice(0, 1);
		for (const rule of account.configRules) rule.results = rule.results.filter((result) => result.id !== app.orders);
		for (const item of account.opsItems) {
			item.description = item.description.replace(/ \(owner: \w+\)/g, '');
			item.data = { 'sre-lab': 'lab4' };
		}
		return collectLab4(account);
	},
	'access-denied': () =>
		collectLab4(completeLab4Account(), { deny: ['iam:SimulatePrincipalPolicy', 'ssm:DescribeOpsItems'] }),
	'experiment-failed': () => {
		const account = completeLab4Account();
		account.experiments = account.experiments.map((experiment) => ({
			...experiment,
			status: 'failed',
			reason: 'Experiment failed.',
			end: '2026-11-22T10:02:30Z',
		}));
		account.history = [];
		return collectLab4(account);
	},
	'not-detected': () => {
		const account = completeLab4Account();
		account.experiments = account.experiments.map((experiment) => ({
			...experiment,
			status: 'completed',
			end: '2026-11-22T10:12:00Z',
		}));
		account.history = [];
		return collectLab4(account);
	},
};

export type Lab4FixtureName = 'passing' | 'failing' | 'access-denied' | 'experiment-failed' | 'not-detected';
