import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../graders/cli/io.ts';
import { main } from '../../../graders/cli/main.ts';
import { type ClientProviderOptions, createClientProvider } from '../../../graders/engine/clients.ts';
import { loadSnapshot } from '../../../graders/engine/snapshot.ts';
import { getLab } from '../../../graders/labs/index.ts';
import { testClientProvider, testCredentials } from '../support/collect-lab1.ts';
import { collectedAt, completeLab1Account, mockLab1Account } from '../support/lab1-account.ts';
import { fixturePath } from '../support/snapshot-edit.ts';

/** Runs the CLI in-process; any attempt to build AWS clients fails the test unless allowed. */
async function run(argv: string[], io: Partial<CliIo> = {}) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		isTTY: false,
		env: {},
		now: () => new Date(collectedAt.getTime() + 60_000),
		createClients: () => {
			throw new Error('this run must not create AWS clients');
		},
		...io,
	});
	return { code, stdout, stderr };
}

const tempFile = async (name: string) => join(await mkdtemp(join(tmpdir(), 'sre-lab-cli-')), name);

describe('sre-lab check --from-snapshot', () => {
	it('prints all ✓ and exits 0 for the passing fixture, without creating any AWS client', async () => {
		const { code, stdout, stderr } = await run(['check', 'lab1', '--from-snapshot', fixturePath('passing')]);
		expect(code).toBe(0);
		expect(stdout.match(/^✓ /gm)).toHaveLength(10);
		expect(stdout).not.toMatch(/^[✗!–] /m);
		expect(stderr).toBe('');
	});

	it('exits 1 with the hints for the failing fixture', async () => {
		const { code, stdout } = await run(['check', 'lab1', '--from-snapshot', fixturePath('failing')]);
		expect(code).toBe(1);
		expect(stdout).toContain('Hint: Create a metric filter on the access-log group');
		expect(stdout).toContain('Hint: Store a String parameter /sre-lab/lab1/slo');
	});

	it('exits 2 when a check could not be graded', async () => {
		const { code, stdout } = await run(['check', 'lab1', '--from-snapshot', fixturePath('access-denied')]);
		expect(code).toBe(2);
		expect(stdout).toContain('Access denied for logs:DescribeMetricFilters');
	});

	it('prints the result document with --json and writes well-formed JUnit XML', async () => {
		const junit = await tempFile('lab1.xml');
		const { code, stdout } = await run([
			'check',
			'lab1',
			'--from-snapshot',
			fixturePath('failing'),
			'--json',
			'--junit',
			junit,
		]);
		expect(code).toBe(1);
		const result = JSON.parse(stdout);
		expect(Object.keys(result)).toEqual([
			'format',
			'version',
			'lab',
			'title',
			'accountId',
			'region',
			'gradedAt',
			'collectedAt',
			'score',
			'maxScore',
			'outcome',
			'checks',
		]);
		expect(result).toMatchObject({ format: 'sre-lab-result', lab: 'lab1', outcome: 'fail', score: 40, maxScore: 100 });
		expect(Object.keys(result.checks[4])).toEqual([
			'id',
			'title',
			'step',
			'points',
			'hint',
			'status',
			'earned',
			'message',
			'evidence',
		]);
		expect(XMLValidator.validate(await readFile(junit, 'utf8'))).toBe(true);
	});
});

describe('sre-lab check against an account', () => {
	it('collects through the client provider, saves the snapshot, and prints calls with --verbose', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		const saved = await tempFile('snapshot.json');
		const seenOptions: ClientProviderOptions[] = [];
		try {
			const { code, stdout, stderr } = await run(
				['check', 'lab1', '--region', 'eu-west-1', '--save-snapshot', saved, '--verbose', '--since', '24h'],
				{
					now: () => collectedAt,
					createClients: (options) => {
						seenOptions.push(options);
						return testClientProvider(options);
					},
				},
			);
			expect(code).toBe(0);
			expect(stdout.match(/^✓ /gm)).toHaveLength(10);
			// The guard on those clients allows exactly the lab's declared reads.
			expect(seenOptions).toEqual([{ region: 'eu-west-1', reads: getLab('lab1').collectors }]);
			expect(stderr).toMatch(/^API calls: /);
			expect(mocks.totalCalls()).toBeGreaterThan(10);
		} finally {
			mocks.restore();
		}
		const snapshot = await loadSnapshot(saved);
		expect(snapshot.window).toEqual({ since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' });
		expect(await readFile(saved, 'utf8')).toBe(await readFile(fixturePath('passing'), 'utf8'));
	});

	it('passes --profile and --endpoint-url to the clients and takes the region from the environment', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		const seenOptions: ClientProviderOptions[] = [];
		try {
			await run(['check', 'lab1', '--profile', 'sandbox', '--endpoint-url', 'http://localhost:4566'], {
				env: { AWS_DEFAULT_REGION: 'eu-west-1' },
				createClients: (options) => {
					seenOptions.push(options);
					return testClientProvider(options);
				},
			});
		} finally {
			mocks.restore();
		}
		expect(seenOptions).toEqual([
			{
				region: 'eu-west-1',
				reads: getLab('lab1').collectors,
				profile: 'sandbox',
				endpointUrl: 'http://localhost:4566',
			},
		]);
	});
});

describe('usage errors exit 64 with one line and a hint', () => {
	it.each([
		[['check', 'lab42'], 'sre-lab: unknown lab "lab42" (known labs: lab1'],
		[['check', 'lab1', '--frobnicate'], "sre-lab: unknown option '--frobnicate'"],
		[['check'], "sre-lab: missing required argument 'lab'"],
		[['check', 'lab1', '--since', 'yesterday', '--region', 'eu-west-1'], 'sre-lab: --since expects a duration'],
		[['check', 'lab1', '--since', '9999d', '--region', 'eu-west-1'], '(at most 455d), got "9999d"'],
		[
			['check', 'lab1', '--from-snapshot', '/nonexistent.json'],
			'sre-lab: cannot read snapshot /nonexistent.json: ENOENT',
		],
		[['check', 'lab1', '--from-snapshot', fixturePath('passing'), '--region', 'eu-west-1'], 'cannot be combined'],
		[['grade-everything'], "sre-lab: unknown command 'grade-everything'"],
		[['policy', 'lab42'], 'sre-lab: unknown lab "lab42"'],
	])('%j', async (argv, message) => {
		const { code, stderr, stdout } = await run(argv);
		expect(code).toBe(64);
		expect(stdout).toBe('');
		const lines = stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain(message);
		expect(lines[1]).toBe("Run 'sre-lab --help' for usage.");
	});

	it('treats a file that is not a snapshot as a usage error', async () => {
		const file = await tempFile('notes.json');
		await writeFile(file, 'these are my notes');
		const { code, stderr } = await run(['check', 'lab1', '--from-snapshot', file]);
		expect(code).toBe(64);
		expect(stderr).toContain(`sre-lab: ${file} is not valid JSON`);
	});
});

describe('other commands', () => {
	it('exits 2 with a clear message when no region is configured', async () => {
		// The SDK's profile loader reads the real environment, so isolate it from the machine's.
		vi.stubEnv('AWS_REGION', '');
		vi.stubEnv('AWS_DEFAULT_REGION', '');
		vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/config');
		vi.stubEnv('AWS_PROFILE', '');
		const { code, stderr } = await run(['check', 'lab1']).finally(() => vi.unstubAllEnvs());
		expect(code).toBe(2);
		expect(stderr).toContain('no AWS region: pass --region, set AWS_REGION, or set a region in your AWS profile');
	});

	it('--help documents every option and the exit codes, and exits 0', async () => {
		const top = await run(['--help']);
		expect(top.code).toBe(0);
		expect(top.stdout).toContain('64  usage error');
		const check = await run(['check', '--help']);
		for (const option of [
			'--json',
			'--junit',
			'--save-snapshot',
			'--from-snapshot',
			'--since',
			'--region',
			'--profile',
			'--endpoint-url',
			'--verbose',
		]) {
			expect(check.stdout).toContain(option);
		}
	});

	it('grade and watch offer the same options for reaching and grading the cohort (watch grades through grade)', async () => {
		/** Each option's description, its wrapped lines joined (the two commands wrap at different columns). */
		const optionLines = async (command: string) => {
			const { stdout } = await run([command, '--help']);
			const options = new Map<string, string>();
			let current: string | null = null;
			for (const line of stdout.split('\n')) {
				const start = /^ {2}(--[a-z-]+)(?: <[^>]+>)?\s{2,}(.*)$/.exec(line);
				if (start?.[1]) {
					current = start[1];
					options.set(current, (start[2] ?? '').replace(new RegExp(`^${command} `), '<verb> '));
				} else if (current && /^ {10,}\S/.test(line)) {
					options.set(current, `${options.get(current)} ${line.trim()}`);
				} else current = null;
			}
			return options;
		};
		const grade = await optionLines('grade');
		const watch = await optionLines('watch');
		const shared = [
			'--cohort',
			'--role-name',
			'--external-id',
			'--region',
			'--profile',
			'--concurrency',
			'--timeout',
			'--since',
			'--gradebook',
			'--skip-invalid',
			'--endpoint-url',
		];
		for (const option of shared) {
			expect(grade.get(option), option).toBeDefined();
			expect(watch.get(option), option).toBe(grade.get(option));
		}
		expect(grade.get('--role-name')).toContain('default: "SreLabGrader"');
	});

	it('lists labs and their checks, and prints the policy as JSON', async () => {
		const labs = await run(['labs']);
		expect(labs.code).toBe(0);
		expect(labs.stdout).toContain('step 3  error-filter-counts-5xx');
		const policy = await run(['policy']);
		expect(JSON.parse(policy.stdout).Statement.length).toBeGreaterThan(0);
	});
});

describe('sre-lab check without credentials', () => {
	it('prints one actionable line and exits 2 instead of ten identical errors', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		mocks.sts.on(GetCallerIdentityCommand).rejects(
			Object.assign(new Error('The security token included in the request is expired'), {
				name: 'ExpiredTokenException',
			}),
		);
		try {
			const { code, stdout, stderr } = await run(['check', 'lab1', '--region', 'eu-west-1'], {
				createClients: testClientProvider,
			});
			expect(code).toBe(2);
			expect(stdout).toBe('');
			expect(stderr.trim().split('\n')).toHaveLength(1);
			expect(stderr).toContain('sre-lab: Your AWS credentials have expired');
			expect(stderr).toContain('aws sso login');
		} finally {
			mocks.restore();
		}
	});
});

describe('sre-lab check on a terminal', () => {
	it('shows read progress on stderr and colours the checklist', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		try {
			const { code, stdout, stderr } = await run(['check', 'lab1', '--region', 'eu-west-1'], {
				isTTY: true,
				now: () => collectedAt,
				createClients: testClientProvider,
			});
			expect(code).toBe(0);
			expect(stderr).toContain('\rReading your lab1 resources in eu-west-1… 0/16');
			expect(stderr).toContain('16/16\n');
			expect(stdout.includes('\u001b[32m✓')).toBe(true);
		} finally {
			mocks.restore();
		}
	});
});

/** Real SDK clients (guard, counter, signing, retries) whose HTTP layer answers with `respond`. */
function clientsAnswering(
	respond: (request: { hostname: string }) => Promise<{ statusCode: number; body: string }>,
	credentials: ClientProviderOptions['credentials'] = testCredentials,
	maxAttempts = 1,
) {
	return (options: ClientProviderOptions) =>
		createClientProvider({
			...options,
			credentials,
			maxAttempts,
			retryMode: 'standard',
			clientConfig: {
				requestHandler: {
					async handle(request: { hostname: string }) {
						const { statusCode, body } = await respond(request);
						return {
							response: {
								statusCode,
								headers: { 'content-type': 'text/xml' },
								body: Readable.from([Buffer.from(body)]),
							},
						};
					},
					updateHttpClientConfig() {},
					httpHandlerConfigs: () => ({}),
				},
			},
		});
}

const stsError = (code: string, message: string) => ({
	statusCode: 403,
	body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
});

describe('sre-lab check when it cannot grade: one actionable line each, exit 2', () => {
	const expectOneLine = (result: { code: number; stdout: string; stderr: string }, message: string) => {
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`sre-lab: ${message}\n`);
	};

	it('no credentials anywhere in the chain', async () => {
		const noCredentials = async () => {
			throw Object.assign(new Error('Could not load credentials from any providers'), {
				name: 'CredentialsProviderError',
			});
		};
		const result = await run(['check', 'lab1', '--region', 'eu-west-1'], {
			createClients: clientsAnswering(async () => ({ statusCode: 500, body: '' }), noCredentials),
		});
		expectOneLine(
			result,
			'No AWS credentials found (Could not load credentials from any providers). Sign in first: `aws configure`, or `aws sso login` and --profile for an IAM Identity Center profile; AWS CloudShell has credentials already.',
		);
	});

	it('expired temporary credentials', async () => {
		const result = await run(['check', 'lab1', '--region', 'eu-west-1'], {
			createClients: clientsAnswering(async () =>
				stsError('ExpiredToken', 'The security token included in the request is expired'),
			),
		});
		expectOneLine(
			result,
			'Your AWS credentials have expired (The security token included in the request is expired). Get fresh ones and run the grader again: `aws sso login` for an IAM Identity Center profile, new temporary keys from your access portal, or reopen AWS CloudShell.',
		);
	});

	it('an endpoint that refuses connections', async () => {
		const result = await run(['check', 'lab1', '--region', 'eu-west-1', '--endpoint-url', 'http://localhost:4566'], {
			createClients: clientsAnswering(async () => {
				throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
			}),
		});
		expectOneLine(
			result,
			'Could not reach the sts endpoint (ECONNREFUSED). Check your network connection or --endpoint-url.',
		);
	});

	it('a made-up Region, whose endpoints do not exist', async () => {
		const result = await run(['check', 'lab1', '--region', 'eu-nowhere-1'], {
			createClients: clientsAnswering(async (request) => {
				throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${request.hostname}`), {
					code: 'ENOTFOUND',
					hostname: request.hostname,
				});
			}),
		});
		expectOneLine(
			result,
			'"eu-nowhere-1" is not an AWS Region: sts.eu-nowhere-1.amazonaws.com does not exist. Check the spelling and pass --region with the Region your lab is in (for example --region eu-west-1).',
		);
	});

	it('a Region name that cannot be part of an endpoint', async () => {
		const result = await run(['check', 'lab1', '--region', 'eu west 1'], {
			createClients: clientsAnswering(async () => ({ statusCode: 500, body: '' })),
		});
		expectOneLine(
			result,
			'"eu west 1" is not a valid Region name: pass --region with the Region your lab is in (for example --region eu-west-1).',
		);
	});

	it('an opt-in Region the account has not enabled', async () => {
		const result = await run(['check', 'lab1', '--region', 'ap-east-1'], {
			createClients: clientsAnswering(async () =>
				stsError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
			),
		});
		expectOneLine(
			result,
			'AWS refused the call in ap-east-1, a Region an account has to enable before use (InvalidClientTokenId). Enable it (account menu → Account → AWS Regions) or pass --region with the Region your lab is in (for example --region eu-west-1). If the Region is enabled, your credentials are invalid: sign in again.',
		);
	});

	it('--verbose still prints the calls and retries it made before giving up', async () => {
		const replies = [
			stsError('Throttling', 'Rate exceeded'),
			stsError('ExpiredToken', 'The security token included in the request is expired'),
		];
		let answered = 0;
		const { code, stderr } = await run(['check', 'lab1', '--region', 'eu-west-1', '--verbose'], {
			createClients: clientsAnswering(
				async () => ({
					...(replies[Math.min(answered++, 1)] as { statusCode: number; body: string }),
					statusCode: 400,
				}),
				testCredentials,
				3,
			),
		});
		expect(code).toBe(2);
		const lines = stderr.split('\n');
		expect(lines[0]).toBe('API calls: 1 (1 retries)');
		expect(lines[1]).toMatch(/^ {2}sts:GetCallerIdentity\s+1 call\(s\)\s+1 retry {2}1 failed$/);
		expect(lines[2]).toMatch(/^sre-lab: Your AWS credentials have expired/);
	});

	it('throttling that outlasts the retries marks the checks that need the read as could-not-grade', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		mocks.cloudwatch.on(ListMetricsCommand).rejects(
			Object.assign(new Error('Rate exceeded'), {
				name: 'ThrottlingException',
				$metadata: { httpStatusCode: 400, attempts: 8 },
			}),
		);
		try {
			const { code, stdout } = await run(['check', 'lab1', '--region', 'eu-west-1'], {
				now: () => collectedAt,
				createClients: testClientProvider,
			});
			expect(code).toBe(2);
			expect(stdout).toContain(
				'! Step 2 The CloudWatch agent publishes system metrics for the instance (0/10)\n    AWS kept throttling cloudwatch:ListMetrics after 8 attempts. Wait a minute and run the grader again.',
			);
		} finally {
			mocks.restore();
		}
	});
});
