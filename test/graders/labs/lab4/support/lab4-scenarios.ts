import type { Snapshot } from '../../../../../graders/engine/types.ts';
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
import { lab4Steps4To7 } from './lab4-steps.ts';

/** Collects a Lab 4 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export function collectLab4(account: Lab4Account, options: MockOptions = {}): Promise<Snapshot> {
	return collectFromMockedAccount({
		collectors: lab4Steps4To7.collectors,
		installMocks: () => mockLab4Account(account, options),
		region,
		collectedAt,
	});
}

/**
 * The accounts behind the committed fixtures:
 * - passing: steps 4–7 done;
 * - failing: a learner part-way — the remediation rule disabled, drift found but not undone, a Config
 *   rule that evaluated only other resources, and a postmortem without owners or a linked alarm;
 * - access-denied: everything done, but the grader may not call ssm:DescribeOpsItems.
 */
export const lab4FixtureScenarios: Record<string, () => Promise<Snapshot>> = {
	passing: () => collectLab4(completeLab4Account()),
	failing: () => {
		const account = completeLab4Account();
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
	'access-denied': () => collectLab4(completeLab4Account(), { deny: ['ssm:DescribeOpsItems'] }),
};
