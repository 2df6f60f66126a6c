import { describe, expect, it } from 'vitest';
import { postmortemShape, sectionsOf } from '../../../../graders/labs/lab4/facts/postmortem-structure.ts';
import { app, completeLab4Account, completePostmortem } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'postmortem-recorded';
const linked = { '/aws/resources': JSON.stringify([{ arn: app.latencyAlarmArn }]) };

describe('postmortem structure', () => {
	it('finds the sections under Markdown headings whatever their level and case', () => {
		const sections = sectionsOf({
			description: completePostmortem.replace('## Impact', '### IMPACT'),
			operationalData: {},
		});
		expect([...sections.keys()]).toEqual(['summary', 'impact', 'timeline', 'contributing causes', 'action items']);
	});

	it('takes a section from operational data when the description lacks it', () => {
		const description = completePostmortem.replace(/## Timeline[\s\S]*?## Contributing/, '## Contributing');
		const shape = postmortemShape({
			description,
			operationalData: { ...linked, timeline: '10:02 started\n10:06 alarm' },
		});
		expect(shape.missing).toEqual([]);
		expect(shape.timelineEntries).toBe(2);
	});

	it('accepts "owner: name" and "@name" as owners, and lists items without one', () => {
		const description = completePostmortem.replace(
			/## Action items[\s\S]*$/,
			'## Action items\n1. Fix retries @sam\n2. Owner: alex - tune alarm\n3. Write the runbook',
		);
		expect(postmortemShape({ description, operationalData: linked })).toMatchObject({
			actionItems: 3,
			actionItemsWithoutOwner: ['Write the runbook'],
			linkedAlarms: [app.latencyAlarmArn],
		});
	});
});

describe('postmortem-recorded', () => {
	it('fails without a marked OpsItem, saying how to mark it', async () => {
		const account = completeLab4Account();
		account.opsItems = [];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('sre-lab = lab4');
	});

	it('fails naming the missing sections', async () => {
		const account = completeLab4Account();
		for (const item of account.opsItems) item.description = completePostmortem.replace('## Impact', 'Impact');
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('missing or empty section(s): impact');
	});

	it('is could-not-grade when an OpsItem may not be read in full', async () => {
		const result = gradeCheck(await collectLab4(completeLab4Account(), { deny: ['ssm:GetOpsItem'] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ssm:GetOpsItem');
	});
});
