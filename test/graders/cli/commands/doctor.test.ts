import { Readable } from 'node:stream';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetAccountSettingsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../graders/cli/io.ts';
import { learnerMain } from '../../../../graders/cli/learner-main.ts';
import { main } from '../../../../graders/cli/main.ts';
import { type ClientProviderOptions, createClientProvider } from '../../../../graders/engine/clients.ts';
import {
	accessDenied,
	checkedAt,
	type DoctorAccount,
	fisLambdaDelayAction,
	lab4Recorder,
	mockedClients,
	mockReadyAccount,
	ssoRoleArn,
	ssoRoleName,
	ssoSessionArn,
} from '../../doctor/support/doctor-account.ts';

/** Runs `sre-lab …` in-process against the mocked account (changed by `change`), or none when `change` is null. */
async function run(
	argv: string[],
	change: ((account: DoctorAccount) => void) | null = () => {},
	io: Partial<CliIo> = {},
) {
	const account = change ? mockReadyAccount() : undefined;
	if (account) change?.(account);
	let stdout = '';
	let stderr = '';
	try {
		const code = await main(argv, {
			stdout: (text) => {
				stdout += text;
			},
			stderr: (text) => {
				stderr += text;
			},
			isTTY: false,
			env: {},
			now: () => checkedAt,
			createClients: mockedClients,
			...io,
		});
		return { code, stdout, stderr };
	} finally {
		account?.restore();
	}
}

describe('sre-lab doctor: exit codes and output', () => {
	it('is one of the learner commands the course site publishes', async () => {
		const account = mockReadyAccount();
		let stdout = '';
		try {
			const code = await learnerMain(['doctor', '--region', 'eu-west-1'], {
				stdout: (text) => {
					stdout += text;
				},
				stderr: () => {},
				isTTY: false,
				env: {},
				now: () => checkedAt,
				createClients: mockedClients,
			});
			expect(code).toBe(0);
			expect(stdout).toContain('Ready for Lab 1.');
		} finally {
			account.restore();
		}
	});

	it('exits 0 with a ✓ line per finding when the account is ready', async () => {
		const { code, stdout, stderr } = await run(['doctor', '--region', 'eu-west-1']);
		expect(code).toBe(0);
		expect(stdout.match(/^✓ /gm)).toHaveLength(8);
		expect(stdout).toContain('✓ Default VPC\n    vpc-0a1b2c3d4e5f60718 (172.31.0.0/16) in eu-west-1.');
		expect(stdout).toContain('8 ok, 0 warnings, 0 to fix, 0 could not be checked, 0 skipped\nReady for Lab 1.');
		expect(stderr).toBe('');
	});

	it('exits 1 with the fix when something needs fixing', async () => {
		const { code, stdout } = await run(['doctor', '--region', 'eu-west-1'], ({ ec2 }) => {
			ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
		});
		expect(code).toBe(1);
		expect(stdout).toContain('✗ Default VPC\n    eu-west-1 has no default VPC');
		expect(stdout).toContain('    Fix: Create one: `aws ec2 create-default-vpc --region eu-west-1`');
		expect(stdout).toContain('Fix the ✗ lines, then run doctor again.');
	});

	it('exits 2 when something could not be checked, and labels it apart from a warning', async () => {
		const { code, stdout } = await run(['doctor', '--region', 'eu-west-1'], ({ iam }) => {
			iam.on(SimulatePrincipalPolicyCommand).rejects(accessDenied('iam:SimulatePrincipalPolicy'));
		});
		expect(code).toBe(2);
		expect(stdout).toContain('! Permission to create and pass IAM roles (could not check)\n    Could not check:');
	});

	it('exits 0 when there are warnings only, and shows them with their fix', async () => {
		const { code, stdout } = await run(['doctor', '--region', 'eu-west-1'], ({ lambda }) => {
			lambda.on(GetAccountSettingsCommand).resolves({
				AccountLimit: { ConcurrentExecutions: 10, UnreservedConcurrentExecutions: 10 },
				AccountUsage: { FunctionCount: 0, TotalCodeSize: 0 },
			});
		});
		expect(code).toBe(0);
		expect(stdout).toContain('! Lambda concurrency for Lab 3 (warning)\n');
		expect(stdout).toContain('    Fix: In Lab 3, start the load generator with --rate 1 ');
		expect(stdout).toContain('Ready for Lab 1; read the warnings first.');
	});

	it('--json prints the report document', async () => {
		const { code, stdout } = await run(['doctor', '--region', 'eu-west-1', '--json']);
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({
			format: 'sre-lab-doctor',
			version: 1,
			accountId: '123456789012',
			callerArn: ssoSessionArn,
			region: 'eu-west-1',
			checkedAt: checkedAt.toISOString(),
			outcome: 'pass',
		});
		expect(report.findings.map((finding: { id: string }) => finding.id)).toEqual([
			'credentials',
			'region',
			'default-vpc',
			'lambda-concurrency',
			'iam-roles',
			'fis',
			'config-recorder',
			'node',
		]);
	});

	it('exits 64 on a usage error, before any AWS call', async () => {
		const unknownOption = await run(['doctor', '--regoin', 'eu-west-1'], () => {}, {
			createClients: () => {
				throw new Error('no AWS call on a usage error');
			},
		});
		expect(unknownOption.code).toBe(64);
		expect(unknownOption.stderr).toContain("unknown option '--regoin'");
		const extraArgument = await run(['doctor', 'lab1'], () => {}, {
			createClients: () => {
				throw new Error('no AWS call on a usage error');
			},
		});
		expect(extraArgument.code).toBe(64);
	});
});

/**
 * Real SDK clients with the whole middleware stack (read-only guard, call counter, signing,
 * serialisation) whose HTTP layer answers like AWS: proves the doctor's reads get past the guard
 * and that each service accepts the requests as serialised.
 */
describe('sre-lab doctor through real SDK clients', () => {
	const xml = (body: string) => ({ statusCode: 200, contentType: 'text/xml', body });
	const requestId = '<RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>';

	function answer(request: { hostname: string; path: string; body?: unknown; headers?: Record<string, string> }) {
		const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
		const action = form.get('Action');
		const target = request.headers?.['x-amz-target'] ?? request.headers?.['X-Amz-Target'];
		const json = (body: unknown) => ({
			statusCode: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify(body),
		});
		// AWS Config (JSON 1.1): a recorder that records Lambda functions and is on (Config API reference shapes).
		if (request.hostname.startsWith('config.') && target === 'StarlingDoveService.DescribeConfigurationRecorders') {
			// No name: the customer-managed recorder (the JSON protocol's body arrives as bytes).
			expect(Buffer.from(request.body as Uint8Array).toString()).toBe('{}');
			return json({
				ConfigurationRecorders: [
					{
						...lab4Recorder,
						recordingGroup: {
							...lab4Recorder.recordingGroup,
							recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
						},
					},
				],
			});
		}
		if (
			request.hostname.startsWith('config.') &&
			target === 'StarlingDoveService.DescribeConfigurationRecorderStatus'
		) {
			return json({
				ConfigurationRecordersStatus: [
					{
						arn: lab4Recorder.arn,
						name: 'default',
						lastStartTime: 1763629200,
						recording: true,
						lastStatus: 'Success',
						lastStatusChangeTime: 1764150900,
					},
				],
			});
		}
		// AWS FIS (REST JSON): GET /actions/{id}.
		if (
			request.hostname.startsWith('fis.') &&
			decodeURIComponent(request.path) === '/actions/aws:lambda:invocation-add-delay'
		) {
			return { statusCode: 200, contentType: 'application/json', body: JSON.stringify(fisLambdaDelayAction) };
		}
		if (request.hostname.startsWith('sts.')) {
			return xml(
				`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${ssoSessionArn}</Arn><UserId>AROAEXAMPLE:learner@example.com</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata>${requestId}</ResponseMetadata></GetCallerIdentityResponse>`,
			);
		}
		if (request.hostname.startsWith('ec2.') && action === 'DescribeRegions') {
			return xml(
				`<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><regionInfo><item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item><item><regionName>af-south-1</regionName><regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item></regionInfo></DescribeRegionsResponse>`,
			);
		}
		if (request.hostname.startsWith('ec2.') && action === 'DescribeVpcs') {
			expect(form.get('Filter.1.Name')).toBe('is-default');
			expect(form.get('Filter.1.Value.1')).toBe('true');
			return xml(
				`<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><vpcSet><item><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><ownerId>123456789012</ownerId><state>available</state><cidrBlock>172.31.0.0/16</cidrBlock><dhcpOptionsId>dopt-19edf471</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>true</isDefault></item></vpcSet></DescribeVpcsResponse>`,
			);
		}
		if (request.hostname.startsWith('lambda.') && request.path === '/2016-08-19/account-settings') {
			return {
				statusCode: 200,
				contentType: 'application/json',
				body: JSON.stringify({
					AccountLimit: {
						CodeSizeUnzipped: 262144000,
						CodeSizeZipped: 52428800,
						ConcurrentExecutions: 10,
						TotalCodeSize: 80530636800,
						UnreservedConcurrentExecutions: 10,
					},
					AccountUsage: { FunctionCount: 0, TotalCodeSize: 0 },
				}),
			};
		}
		if (request.hostname.startsWith('iam.') && action === 'GetRole') {
			expect(form.get('RoleName')).toBe(ssoRoleName);
			return xml(
				`<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>/aws-reserved/sso.amazonaws.com/eu-west-1/</Path><RoleName>${ssoRoleName}</RoleName><RoleId>AROAEXAMPLE</RoleId><Arn>${ssoRoleArn}</Arn><CreateDate>2026-01-05T09:00:00Z</CreateDate><MaxSessionDuration>43200</MaxSessionDuration></Role></GetRoleResult><ResponseMetadata>${requestId}</ResponseMetadata></GetRoleResponse>`,
			);
		}
		if (request.hostname.startsWith('iam.') && action === 'SimulatePrincipalPolicy') {
			expect(form.get('PolicySourceArn')).toBe(ssoRoleArn);
			const listed = (name: string) =>
				[...form.entries()].filter(([key]) => key.startsWith(`${name}.member.`)).map(([, value]) => value);
			const members = listed('ActionNames')
				.map((actionName) => {
					const decision = actionName === 'iam:PassRole' ? 'implicitDeny' : 'allowed';
					const resources = listed('ResourceArns')
						.map(
							(arn) =>
								`<member><EvalResourceName>${arn}</EvalResourceName><EvalResourceDecision>${decision}</EvalResourceDecision><MatchedStatements/><MissingContextValues/></member>`,
						)
						.join('');
					return `<member><EvalActionName>${actionName}</EvalActionName><EvalDecision>${decision}</EvalDecision><MatchedStatements/><MissingContextValues/><ResourceSpecificResults>${resources}</ResourceSpecificResults></member>`;
				})
				.join('');
			return xml(
				`<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>${members}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata>${requestId}</ResponseMetadata></SimulatePrincipalPolicyResponse>`,
			);
		}
		throw new Error(`unexpected request to ${request.hostname}${request.path} ${action ?? ''}`);
	}

	const realClients = (options: ClientProviderOptions) =>
		createClientProvider({
			...options,
			credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
			maxAttempts: 1,
			clientConfig: {
				requestHandler: {
					async handle(request: { hostname: string; path: string; body?: unknown; headers?: Record<string, string> }) {
						const { statusCode, contentType, body } = answer(request);
						return {
							response: {
								statusCode,
								headers: { 'content-type': contentType },
								body: Readable.from([Buffer.from(body)]),
							},
						};
					},
					updateHttpClientConfig() {},
					httpHandlerConfigs: () => ({}),
				},
			},
		});

	it('makes each read once, all of them past the read-only guard, and judges what AWS answered', async () => {
		const { code, stdout, stderr } = await run(['doctor', '--region', 'eu-west-1', '--verbose'], null, {
			createClients: realClients,
		});
		expect(stderr).toContain('API calls: 10 (0 retries)');
		for (const call of [
			'config:DescribeConfigurationRecorders',
			'config:DescribeConfigurationRecorderStatus',
			'fis:GetAction',
			'ec2:DescribeRegions',
			'ec2:DescribeVpcs',
			'iam:GetRole',
			'iam:SimulatePrincipalPolicy',
			'lambda:GetAccountSettings',
			'sts:GetCallerIdentity',
		]) {
			expect(stderr).toMatch(new RegExp(`${call}\\s+\\d call`));
		}
		expect(stderr).not.toContain('failed');
		expect(stdout).toContain('! Lambda concurrency for Lab 3 (warning)');
		expect(stdout).toContain('with --rate 1 ');
		expect(stdout).toContain('✗ Permission to create and pass IAM roles');
		expect(stdout).toContain('may not: iam:PassRole (Lab 1, Lab 2, Lab 3, Lab 4).');
		expect(stdout).toContain('✓ AWS FIS for Lab 4\n    AWS FIS offers aws:lambda:invocation-add-delay in eu-west-1');
		expect(stdout).toContain(
			'✓ AWS Config recorder for Lab 4\n    The configuration recorder "default" in eu-west-1 is recording',
		);
		expect(code).toBe(1);
	});
});
