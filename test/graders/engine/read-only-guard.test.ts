import { describe, expect, it } from 'vitest';
import { isReadOperation } from '../../../graders/engine/read-only-guard.ts';

describe('isReadOperation', () => {
	it.each([
		'DescribeInstances',
		'ListMetrics',
		'GetPolicyVersion',
		'BatchGetTraces',
		'LookupEvents',
		'SimulatePrincipalPolicy',
		'TestMetricFilter',
		'FilterLogEvents',
	])('allows %s', (operation) => expect(isReadOperation(operation)).toBe(true));
	it.each([
		'PutMetricFilter',
		'DeleteLogGroup',
		'CreateTopic',
		'RunInstances',
		'StartQuery',
		'Subscribe',
		'AssumeRole',
		'Invoke',
		'TagResource',
		'',
	])('refuses %s', (operation) => expect(isReadOperation(operation)).toBe(false));
});
