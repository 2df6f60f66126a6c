import type { IamCondition, IamScope } from './declared-reads.ts';
import { sreLabParameterArns } from './iam-resources.ts';
import type { Collector } from './types.ts';

export interface PolicyStatement {
	Sid: string;
	Effect: 'Allow' | 'Deny';
	Action: string[];
	Resource?: '*' | string[];
	NotResource?: string[];
	Condition?: IamCondition;
}

export interface PolicyDocument {
	Version: '2012-10-17';
	Statement: PolicyStatement[];
}

/** GetCallerIdentity needs no permission: IAM cannot deny it, so the policy does not list it. */
const alwaysAllowed = new Set(['sts:GetCallerIdentity']);

const pascal = (text: string) =>
	text.replace(/(^|[-_:\s])([a-zA-Z])/g, (_, __, letter: string) => letter.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
const sidFor = (service: string) => `SreLabRead${pascal(service)}`;

/**
 * Explicit denies, whatever else is attached to the role (a learner may add ReadOnlyAccess "to be
 * safe"): an explicit Deny wins over every Allow, including a KMS key policy's.
 * docs/graders.md explains each statement.
 */
export const denyStatements: readonly PolicyStatement[] = [
	{
		// SecureString parameters are decrypted with the aws/ssm key, whose key policy lets anyone in the
		// account use it through SSM: only a Deny on kms:Decrypt stops `WithDecryption`. X-Ray is the one
		// service that must decrypt for the graders (a learner may encrypt traces with a KMS key).
		Sid: 'SreLabDenyDecryption',
		Effect: 'Deny',
		Action: ['kms:Decrypt'],
		Resource: '*',
		Condition: { StringNotLike: { 'kms:ViaService': 'xray.*.amazonaws.com' } },
	},
	{
		// GetParametersByPath is authorized against the requested path, so a Deny on a parameter alone
		// would not stop a path read above it: deny every parameter read outside /sre-lab.
		Sid: 'SreLabDenyParametersOutsideSreLab',
		Effect: 'Deny',
		Action: ['ssm:GetParameter*'],
		NotResource: [...sreLabParameterArns],
	},
	{
		Sid: 'SreLabDenySecretValues',
		Effect: 'Deny',
		Action: [
			'ec2:GetPasswordData',
			'ecr:GetAuthorizationToken',
			'lambda:GetFunction',
			// Both return the configuration of every function (or version), environment variables included.
			'lambda:ListFunctions',
			'lambda:ListVersionsByFunction',
			'redshift:GetClusterCredentials',
			'redshift:GetClusterCredentialsWithIAM',
			's3:GetObject',
			'secretsmanager:BatchGetSecretValue',
			'secretsmanager:GetSecretValue',
			'sts:GetFederationToken',
			'sts:GetSessionToken',
		],
		Resource: '*',
	},
	{
		// apigateway:GET reads whatever path it is granted on; API key values live under /apikeys.
		Sid: 'SreLabDenyApiKeys',
		Effect: 'Deny',
		Action: ['apigateway:GET'],
		Resource: ['arn:aws:apigateway:*::/apikeys', 'arn:aws:apigateway:*::/apikeys/*'],
	},
];

const serviceOf = (action: string) => action.split(':')[0] ?? action;
const scopeKey = (service: string, scope: IamScope) =>
	JSON.stringify([service, scope.resources, scope.condition ?? null]);

/**
 * The least-privilege policy for the graders: exactly the actions the collectors declare. Actions a
 * collector scopes (`iamScopes`: every parameter, every function's environment would reach secrets)
 * are granted on those resources only, in a statement of their own; the rest, mostly Describe/List
 * calls that support no resource-level permissions, on "*", one statement per service. An action one
 * collector declares unscoped is granted on "*" (the union of what the reads need). The explicit
 * denies come last.
 */
export function generateGraderPolicy(collectors: readonly Collector[]): PolicyDocument {
	const unscoped = new Map<string, Set<string>>();
	const scoped = new Map<string, { service: string; scope: IamScope; actions: Set<string> }>();
	for (const collector of collectors) {
		for (const action of collector.iamActions) {
			if (alwaysAllowed.has(action)) continue;
			const service = serviceOf(action);
			const scope = collector.iamScopes?.[action];
			if (!scope) {
				const actions = unscoped.get(service) ?? new Set<string>();
				actions.add(action);
				unscoped.set(service, actions);
				continue;
			}
			const key = scopeKey(service, scope);
			const group = scoped.get(key) ?? { service, scope, actions: new Set<string>() };
			group.actions.add(action);
			scoped.set(key, group);
		}
	}
	const everywhere = new Set([...unscoped.values()].flatMap((actions) => [...actions]));
	const allowAll: PolicyStatement[] = [...unscoped.keys()].sort().map((service) => ({
		Sid: sidFor(service),
		Effect: 'Allow',
		Action: [...(unscoped.get(service) ?? [])].sort(),
		Resource: '*',
	}));
	const allowScoped: PolicyStatement[] = [];
	const usedSids = new Set(allowAll.map((statement) => statement.Sid));
	for (const group of scoped.values()) {
		const actions = [...group.actions].filter((action) => !everywhere.has(action)).sort();
		if (actions.length === 0) continue;
		const base = `${sidFor(group.service)}${pascal((actions[0] ?? '').split(':')[1] ?? '')}`;
		let sid = base;
		for (let n = 2; usedSids.has(sid); n++) sid = `${base}${n}`;
		usedSids.add(sid);
		allowScoped.push({
			Sid: sid,
			Effect: 'Allow',
			Action: actions,
			Resource: [...group.scope.resources],
			...(group.scope.condition ? { Condition: group.scope.condition } : {}),
		});
	}
	allowScoped.sort((a, b) => a.Sid.localeCompare(b.Sid));
	return { Version: '2012-10-17', Statement: [...allowAll, ...allowScoped, ...denyStatements] };
}

/** Every action an Allow statement grants (on whatever resources), for reviews and tests. */
export function allowedActions(policy: PolicyDocument): string[] {
	return policy.Statement.filter((statement) => statement.Effect === 'Allow').flatMap((statement) => statement.Action);
}
