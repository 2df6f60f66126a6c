import { type AutomationExecutionMetadata, DescribeAutomationExecutionsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { principalOf, ssmAutomationExecutions } from '../../../../graders/collectors/ssm/automation-executions.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

/** An AutomationExecutionMetadata entry with the fields the API reference lists. */
function execution(
	id: string,
	start: string,
	status: string,
	extra: Partial<AutomationExecutionMetadata> = {},
): AutomationExecutionMetadata {
	return {
		AutomationExecutionId: id,
		DocumentName: 'AWS-RestartEC2Instance',
		DocumentVersion: '1',
		AutomationExecutionStatus: status as AutomationExecutionMetadata['AutomationExecutionStatus'],
		ExecutionStartTime: new Date(start),
		ExecutionEndTime: new Date(Date.parse(start) + 60_000),
		ExecutedBy: 'arn:aws:sts::111122223333:assumed-role/sre-lab4-remediation/alice@example.com',
		Mode: 'Auto',
		AutomationType: 'Local',
		Outputs: { 'RestartInstance.InstanceId': ['i-0a2b'], 'GetSecret.Value': ['db-p4ssw0rd-7f'] },
		...extra,
	};
}

describe('ssm.automation-executions', () => {
	it('asks for runs started in the window, follows pages and drops runs outside it', async () => {
		ssm
			.on(DescribeAutomationExecutionsCommand, { NextToken: 'p2' })
			.resolves({ AutomationExecutionMetadataList: [execution('b-2', '2026-11-22T10:00:00Z', 'Success')] })
			.on(DescribeAutomationExecutionsCommand, { NextToken: undefined })
			.resolves({
				AutomationExecutionMetadataList: [
					execution('a-1', '2026-11-22T09:00:00Z', 'Failed'),
					execution('c-3', '2026-11-22T12:30:00Z', 'Success'),
					execution('d-4', '2026-11-22T09:00:01Z', 'Success', { ParentAutomationExecutionId: 'a-1' }),
				],
				NextToken: 'p2',
			});
		const runs = await runCollector(ssmAutomationExecutions);
		expect(runs.map((run) => [run.executionId, run.status, run.parentExecutionId])).toEqual([
			['a-1', 'Failed', null],
			['d-4', 'Success', 'a-1'],
			['b-2', 'Success', null],
		]);
		expect(runs[2]).toEqual({
			executionId: 'b-2',
			documentName: 'AWS-RestartEC2Instance',
			status: 'Success',
			startTime: '2026-11-22T10:00:00.000Z',
			parentExecutionId: null,
			startedBy: 'arn:aws:sts::111122223333:assumed-role/sre-lab4-remediation',
		});
		// Who started a run is kept without the session name (often a person's); parameters and outputs
		// are not read by the check, so never kept.
		expect(JSON.stringify(runs)).not.toContain('alice@example.com');
		expect(JSON.stringify(runs)).not.toContain('db-p4ssw0rd-7f');
		const input = ssm.commandCalls(DescribeAutomationExecutionsCommand)[0]?.args[0].input;
		expect(input?.Filters).toEqual([{ Key: 'StartTimeAfter', Values: ['2026-11-21T12:00:00Z'] }]);
		expect(input?.MaxResults).toBe(50);
	});

	it('keeps null when the API does not say who started a run', async () => {
		ssm.on(DescribeAutomationExecutionsCommand).resolves({
			AutomationExecutionMetadataList: [
				execution('a-1', '2026-11-22T10:00:00Z', 'Success', { ExecutedBy: undefined }),
				execution('b-2', '2026-11-22T10:01:00Z', 'Success', { ExecutedBy: 'arn:aws:iam::111122223333:user/alice' }),
			],
		});
		const runs = await runCollector(ssmAutomationExecutions);
		expect(runs.map((run) => run.startedBy)).toEqual([null, 'arn:aws:iam::111122223333:user/alice']);
	});

	it("drops only an assumed role's session name from ExecutedBy", () => {
		expect(principalOf('arn:aws:sts::111122223333:assumed-role/sre-lab4-events/8f2c1e0a9b7d')).toBe(
			'arn:aws:sts::111122223333:assumed-role/sre-lab4-events',
		);
		expect(principalOf('arn:aws:iam::111122223333:user/alice')).toBe('arn:aws:iam::111122223333:user/alice');
		expect(principalOf('arn:aws:iam::111122223333:root')).toBe('arn:aws:iam::111122223333:root');
	});

	it('lets access denied fail the read, naming the action', async () => {
		ssm.on(DescribeAutomationExecutionsCommand).rejects(accessDenied('ssm:DescribeAutomationExecutions'));
		await expect(runCollector(ssmAutomationExecutions)).rejects.toThrow('ssm:DescribeAutomationExecutions');
	});
});
