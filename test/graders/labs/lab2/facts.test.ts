import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../../../graders/collectors/ec2/instances.ts';
import type { ResourceGroupQuery } from '../../../../graders/collectors/resource-groups/ssm-target-groups.ts';
import { readDeleteAfter } from '../../../../graders/labs/lab2/facts/delete-after.ts';
import { policyLetsRuleInvoke } from '../../../../graders/labs/lab2/facts/invoke-permission.ts';
import { isRecurringSchedule } from '../../../../graders/labs/lab2/facts/schedule-expression.ts';
import {
	type TagLookup,
	type TargetLookups,
	targetsFollowFleet,
	targetsSelect,
} from '../../../../graders/labs/lab2/facts/ssm-target-selection.ts';

describe('readDeleteAfter (grader)', () => {
	it('spans the whole day for a bare date', () => {
		expect(readDeleteAfter('2026-11-20')).toEqual({
			earliest: Date.parse('2026-11-20T00:00:00Z'),
			latest: Date.parse('2026-11-21T00:00:00Z'),
		});
	});

	it('is exact with an offset, and spans every time zone without one', () => {
		expect(readDeleteAfter('2026-11-20T10:00:00+02:00')).toEqual({
			earliest: Date.parse('2026-11-20T08:00:00Z'),
			latest: Date.parse('2026-11-20T08:00:00Z'),
		});
		const noZone = readDeleteAfter('2026-11-20T10:00');
		expect(noZone && new Date(noZone.earliest).toISOString()).toBe('2026-11-19T20:00:00.000Z');
		expect(noZone && new Date(noZone.latest).toISOString()).toBe('2026-11-20T22:00:00.000Z');
	});

	it.each(['2026-02-30', 'soon', '', '20/11/2026'])('rejects %j', (text) => {
		expect(readDeleteAfter(text)).toBeNull();
	});
});

describe('policyLetsRuleInvoke', () => {
	const ruleArn = 'arn:aws:events:eu-west-1:123456789012:rule/lab2-cleanup';
	const policy = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });
	const allowEvents = {
		Effect: 'Allow',
		Principal: { Service: 'events.amazonaws.com' },
		Action: 'lambda:InvokeFunction',
	};

	it('accepts the statement add-permission writes, with or without a source condition', () => {
		expect(policyLetsRuleInvoke(policy(allowEvents), ruleArn)).toBe(true);
		expect(
			policyLetsRuleInvoke(policy({ ...allowEvents, Condition: { ArnLike: { 'AWS:SourceArn': ruleArn } } }), ruleArn),
		).toBe(true);
		expect(
			policyLetsRuleInvoke(policy({ ...allowEvents, Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } } }), ruleArn),
		).toBe(true);
		expect(policyLetsRuleInvoke(policy({ ...allowEvents, Action: 'lambda:*' }), ruleArn)).toBe(true);
	});

	it('rejects other principals, other rules, Deny and conditions it cannot judge', () => {
		expect(policyLetsRuleInvoke(policy({ ...allowEvents, Principal: { Service: 's3.amazonaws.com' } }), ruleArn)).toBe(
			false,
		);
		expect(
			policyLetsRuleInvoke(
				policy({ ...allowEvents, Condition: { ArnLike: { 'AWS:SourceArn': `${ruleArn}-old` } } }),
				ruleArn,
			),
		).toBe(false);
		expect(policyLetsRuleInvoke(policy({ ...allowEvents, Effect: 'Deny' }), ruleArn)).toBe(false);
		expect(
			policyLetsRuleInvoke(
				policy({ ...allowEvents, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } }),
				ruleArn,
			),
		).toBe(false);
		expect(policyLetsRuleInvoke(null, ruleArn)).toBe(false);
	});
});

describe('Systems Manager target selection', () => {
	const instance: Ec2Instance = {
		instanceId: 'i-0a',
		state: 'running',
		tags: { 'sre-lab': 'lab2', PatchGroup: 'web' },
		instanceProfileArn: null,
		securityGroupIds: [],
		publicIp: null,
		privateIp: null,
		launchTime: null,
	};

	// Tags as ec2.instances keeps them, or as the fact would find them in ec2.ssm-target-tags.
	const ownTags: TagLookup = (candidate, key) => candidate.tags[key];
	const noGroups: TargetLookups = {
		group: (name: string): ResourceGroupQuery => {
			throw new Error(`unexpected group ${name}`);
		},
		tag: ownTags,
	};
	const groups: Record<string, ResourceGroupQuery> = {
		'lab2-fleet': {
			name: 'lab2-fleet',
			type: 'TAG_FILTERS_1_0',
			resourceTypeFilters: ['AWS::EC2::Instance'],
			tagFilters: [{ key: 'PatchGroup', values: ['web'] }],
			stackIdentifier: null,
		},
		'any-sre-lab': {
			name: 'any-sre-lab',
			type: 'TAG_FILTERS_1_0',
			resourceTypeFilters: ['AWS::AllSupported'],
			tagFilters: [{ key: 'sre-lab', values: [] }],
			stackIdentifier: null,
		},
		buckets: {
			name: 'buckets',
			type: 'TAG_FILTERS_1_0',
			resourceTypeFilters: ['AWS::S3::Bucket'],
			tagFilters: [{ key: 'PatchGroup', values: ['web'] }],
			stackIdentifier: null,
		},
		'web-stack': {
			name: 'web-stack',
			type: 'CLOUDFORMATION_STACK_1_0',
			resourceTypeFilters: ['AWS::AllSupported'],
			tagFilters: [],
			stackIdentifier: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/web/1',
		},
	};
	const lookup: TargetLookups = {
		group: (name: string) => {
			const group = groups[name];
			if (!group) throw new Error(name);
			return group;
		},
		tag: ownTags,
	};

	it('selects by resource group membership: tag filters, resource types and CloudFormation stacks', () => {
		const byGroup = (name: string) =>
			targetsSelect([{ key: 'resource-groups:Name', values: [name] }], instance, lookup);
		expect(byGroup('lab2-fleet')).toBe(true);
		expect(byGroup('any-sre-lab')).toBe(true);
		expect(byGroup('buckets')).toBe(false);
		expect(byGroup('web-stack')).toBe(false);
		const stackInstance = {
			...instance,
			tags: {
				...instance.tags,
				'aws:cloudformation:stack-id': 'arn:aws:cloudformation:eu-west-1:123456789012:stack/web/1',
			},
		};
		expect(targetsSelect([{ key: 'resource-groups:Name', values: ['web-stack'] }], stackInstance, lookup)).toBe(true);
		expect(
			targetsSelect(
				[
					{ key: 'resource-groups:Name', values: ['lab2-fleet'] },
					{ key: 'resource-groups:ResourceTypeFilters', values: ['AWS::EC2::Instance'] },
				],
				instance,
				lookup,
			),
		).toBe(true);
	});

	it('matches tags, tag keys and instance ids, and requires every entry to match', () => {
		expect(targetsSelect([{ key: 'tag:PatchGroup', values: ['db', 'web'] }], instance, noGroups)).toBe(true);
		expect(targetsSelect([{ key: 'tag-key', values: ['PatchGroup'] }], instance, noGroups)).toBe(true);
		expect(targetsSelect([{ key: 'InstanceIds', values: ['i-0a'] }], instance, noGroups)).toBe(true);
		expect(targetsSelect([{ key: 'InstanceIds', values: ['*'] }], instance, noGroups)).toBe(true);
		expect(
			targetsSelect(
				[
					{ key: 'tag:PatchGroup', values: ['web'] },
					{ key: 'tag:sre-lab', values: ['lab1'] },
				],
				instance,
				noGroups,
			),
		).toBe(false);
		expect(targetsSelect([], instance, noGroups)).toBe(false);
	});

	it('tells selections that follow the fleet (tags, groups, every node) from lists of instances', () => {
		expect(targetsFollowFleet([{ key: 'tag:PatchGroup', values: ['web'] }])).toBe(true);
		expect(targetsFollowFleet([{ key: 'resource-groups:Name', values: ['lab2-fleet'] }])).toBe(true);
		// Quick Setup patch policies for a whole account target every managed node.
		expect(targetsFollowFleet([{ key: 'InstanceIds', values: ['*'] }])).toBe(true);
		expect(targetsFollowFleet([{ key: 'InstanceIds', values: ['i-0a', 'i-0b'] }])).toBe(false);
	});

	it('counts only rate and cron expressions as recurring', () => {
		expect(isRecurringSchedule('rate(1 day)')).toBe(true);
		expect(isRecurringSchedule('cron(0 3 ? * SUN *)')).toBe(true);
		expect(isRecurringSchedule('at(2026-11-23T03:00:00)')).toBe(false);
		expect(isRecurringSchedule(null)).toBe(false);
	});
});
