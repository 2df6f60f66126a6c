import type { ExperimentTemplate } from '@aws-sdk/client-fis';
import type { Cfn } from './cloudformation.ts';

/** Renames an object's keys by a table, throwing on a key the table lacks (a property nobody mapped). */
function renamed(where: string, object: Cfn, table: Record<string, (value: Cfn) => [string, Cfn]>): Cfn {
	return Object.fromEntries(
		Object.entries(object).map(([key, value]) => {
			const rename = table[key];
			if (!rename) throw new Error(`${where}: no API name known for the CloudFormation property ${key}`);
			return rename(value);
		}),
	);
}

const as =
	(name: string) =>
	(value: Cfn): [string, Cfn] => [name, value];
const mapOf = (fn: (value: Cfn) => Cfn) => (value: Cfn) =>
	Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fn(item)]));

const target = (value: Cfn) =>
	renamed('Targets', value, {
		ResourceType: as('resourceType'),
		ResourceArns: as('resourceArns'),
		ResourceTags: as('resourceTags'),
		SelectionMode: as('selectionMode'),
		Parameters: as('parameters'),
		Filters: (filters) => [
			'filters',
			filters.map((filter: Cfn) => renamed('Filters', filter, { Path: as('path'), Values: as('values') })),
		],
	});

const action = (value: Cfn) =>
	renamed('Actions', value, {
		ActionId: as('actionId'),
		Description: as('description'),
		Parameters: as('parameters'),
		StartAfter: as('startAfter'),
		Targets: as('targets'),
	});

const stopCondition = (value: Cfn) => renamed('StopConditions', value, { Source: as('source'), Value: as('value') });

/**
 * The GetExperimentTemplate `experimentTemplate` FIS keeps for a resolved AWS::FIS::ExperimentTemplate: the
 * API reference's camelCase names for CloudFormation's (ResourceArns → resourceArns, StopConditions'
 * Source/Value → source/value, ...), with the id, ARN and times FIS adds, and the default account
 * targeting (single-account) when the template sets none.
 */
export function experimentTemplateFromCfn(
	properties: Cfn,
	created: { id: string; at: Date },
	where = { region: 'eu-west-1', accountId: '123456789012', partition: 'aws' },
): ExperimentTemplate {
	const fields = renamed('AWS::FIS::ExperimentTemplate', properties, {
		Description: as('description'),
		RoleArn: as('roleArn'),
		Targets: (value) => ['targets', mapOf(target)(value)],
		Actions: (value) => ['actions', mapOf(action)(value)],
		StopConditions: (value) => ['stopConditions', value.map(stopCondition)],
		Tags: as('tags'),
		ExperimentOptions: (value) => [
			'experimentOptions',
			{
				accountTargeting: 'single-account',
				...renamed('ExperimentOptions', value, {
					AccountTargeting: as('accountTargeting'),
					EmptyTargetResolutionMode: as('emptyTargetResolutionMode'),
				}),
			},
		],
	});
	return {
		id: created.id,
		arn: `arn:${where.partition}:fis:${where.region}:${where.accountId}:experiment-template/${created.id}`,
		creationTime: created.at,
		lastUpdateTime: created.at,
		...fields,
	};
}
