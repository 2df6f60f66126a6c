import { describe, expect, it } from 'vitest';
import { generateGraderPolicy } from '../../../graders/engine/policy.ts';
import { isReadOperation } from '../../../graders/engine/read-only-guard.ts';
import { collectorsForLabs } from '../../../graders/labs/index.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';

describe('generateGraderPolicy', () => {
	const policy = generateGraderPolicy(lab1.collectors);
	const actions = policy.Statement.flatMap((statement) => statement.Action);

	it('grants exactly the actions the Lab 1 collectors declare, one statement per service', () => {
		expect(policy.Version).toBe('2012-10-17');
		expect(policy.Statement.map((statement) => statement.Sid)).toEqual([
			'SreLabReadApplicationSignals',
			'SreLabReadCloudwatch',
			'SreLabReadEc2',
			'SreLabReadIam',
			'SreLabReadLogs',
			'SreLabReadSns',
			'SreLabReadSsm',
		]);
		expect(actions).toContain('logs:TestMetricFilter');
		expect(new Set(actions)).toEqual(new Set(lab1.collectors.flatMap((collector) => collector.iamActions)));
	});

	it('contains only read actions, for every registered lab', () => {
		const all = generateGraderPolicy(collectorsForLabs(['lab1'])).Statement.flatMap((statement) => statement.Action);
		for (const action of all) expect(isReadOperation(action.split(':')[1] ?? '')).toBe(true);
		expect(all.every((action) => !action.includes('*'))).toBe(true);
	});
});
