import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../graders/engine/snapshot.ts';
import {
	isSecretKeyName,
	redactedValue,
	redactSecrets,
	redactText,
} from '../../../graders/gradebook/redact-secrets.ts';
import { labIds } from '../../../graders/labs/index.ts';
import { fakeSnapshot } from '../support/cohort-fixtures.ts';

describe('redactSecrets', () => {
	it('replaces Lambda environment variable values and keeps their names', () => {
		const snapshot = fakeSnapshot('111111111111', undefined, {
			'lambda.functions': {
				ok: true,
				data: [
					{
						FunctionName: 'cleanup',
						Environment: { Variables: { RETENTION_DAYS: '7', SLACK_URL: 'https://hooks.example/abc' } },
					},
				],
			},
		});
		const redacted = redactSecrets(snapshot);
		expect(redacted.reads['lambda.functions']).toEqual({
			ok: true,
			data: [
				{
					FunctionName: 'cleanup',
					Environment: { Variables: { RETENTION_DAYS: redactedValue, SLACK_URL: redactedValue } },
				},
			],
		});
		// Pure: the original is untouched.
		expect(JSON.stringify(snapshot)).toContain('hooks.example');
	});

	it('removes access key ids, secret keys, session tokens and passwords wherever they appear', () => {
		const snapshot = fakeSnapshot('111111111111', undefined, {
			'ssm.parameters': {
				ok: true,
				data: {
					Value:
						'aws_access_key_id=AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
					SessionToken: 'FwoGZXIvYXdzEBYaDEXAMPLE',
					credentials: { user: 'admin', pass: 'x' },
					MasterUserPassword: 'p@ss',
					ASIAY34FZKBOKMUTVV7A: 'odd key',
					Note: 'db password: letmein; nothing else',
					PrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----',
				},
			},
		});
		const text = JSON.stringify(redactSecrets(snapshot));
		for (const secret of [
			'AKIAIOSFODNN7EXAMPLE',
			'wJalrXUtnFEMI',
			'FwoGZXIvYXdzEBYaDEXAMPLE',
			'p@ss',
			'ASIAY34FZKBOKMUTVV7A',
			'letmein',
			'MIIE',
		]) {
			expect(text).not.toContain(secret);
		}
		expect(text).toContain('nothing else');
	});

	it('leaves what checks rely on alone: names, ARNs, ids, pagination-free data and failed reads', () => {
		const reads = {
			'secretsmanager.secrets': {
				ok: true as const,
				data: [{ SecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:x', Name: 'db' }],
			},
			'iam.users': { ok: true as const, data: [{ UserName: 'ana', PasswordLastUsed: '2026-03-01T00:00:00Z' }] },
			'ec2.instances': {
				ok: false as const,
				error: { kind: 'access-denied' as const, service: 'ec2', operation: 'DescribeInstances', message: 'denied' },
			},
		};
		expect(redactSecrets(fakeSnapshot('111111111111', undefined, reads)).reads).toEqual(reads);
	});
});

describe('isSecretKeyName', () => {
	it('flags secrets and spares pointers to them', () => {
		expect(
			['SecretAccessKey', 'SessionToken', 'password', 'ApiKey', 'client_secret', 'token'].map(isSecretKeyName),
		).toEqual([true, true, true, true, true, true]);
		expect(
			[
				'DB_PASS',
				'DbPass',
				'GITHUB_TOKEN',
				'db-password',
				'x-api-key',
				'PRIVATE_KEY',
				'Passwd',
				'pwd',
				'Credentials',
			].map(isSecretKeyName),
		).toEqual([true, true, true, true, true, true, true, true, true]);
		expect(
			['SecretArn', 'SecretId', 'PasswordLastUsed', 'NextToken', 'TokenType', 'Name'].map(isSecretKeyName),
		).toEqual([false, false, false, false, false, false]);
	});
});

describe('redactText', () => {
	it('keeps the surrounding text readable', () => {
		expect(redactText('export AWS_SECRET_ACCESS_KEY="abc123" && run')).toBe(
			`export AWS_SECRET_ACCESS_KEY="${redactedValue}" && run`,
		);
	});
});

/** Everything a snapshot would store, as text: what must not contain the secret. */
const stored = (reads: Parameters<typeof fakeSnapshot>[2]) =>
	JSON.stringify(redactSecrets(fakeSnapshot('111111111111', undefined, reads)));

describe('redactSecrets: the leaks found in stored evidence', () => {
	it('redacts tag values whose key names a secret in any case or separator', () => {
		const text = stored({
			'ec2.instances': {
				ok: true,
				data: [
					{
						instanceId: 'i-0a1b2c3d4e5f60718',
						tags: {
							DB_PASS: 'hunter2-db',
							DbPass: 'swordfish-db',
							GITHUB_TOKEN: 'plain-token-value',
							'sre-lab': 'lab2',
						},
						rawTags: [
							{ Key: 'db-password', Value: 'raw-tag-secret' },
							{ Key: 'PatchGroup', Value: 'web-servers' },
						],
					},
				],
			},
		});
		for (const secret of ['hunter2-db', 'swordfish-db', 'plain-token-value', 'raw-tag-secret'])
			expect(text).not.toContain(secret);
		for (const kept of ['"DB_PASS"', '"DbPass"', '"GITHUB_TOKEN"', '"sre-lab":"lab2"', 'web-servers'])
			expect(text).toContain(kept);
	});

	it('redacts the user information of a URL, whatever its key', () => {
		const text = stored({
			'cloudformation.stacks': {
				ok: true,
				data: [{ outputs: { DatabaseUrl: 'postgres://admin:Tr0ub4dor@db.example.com:5432/orders' } }],
			},
		});
		expect(text).not.toContain('Tr0ub4dor');
		expect(text).not.toContain('admin:');
		expect(text).toContain(`postgres://${redactedValue}@db.example.com:5432/orders`);
	});

	it('redacts secrets inside JSON held in a string, escaped JSON included (a Scheduler target input)', () => {
		const input = JSON.stringify({
			FunctionName: 'lab2-snapshot-cleanup',
			Payload: JSON.stringify({ db_password: 'escaped-hunter2', dryRun: false }),
		});
		expect(input).toContain('\\"db_password\\":\\"escaped-hunter2\\"');
		const redacted = redactSecrets(
			fakeSnapshot('111111111111', undefined, {
				'scheduler.lambda-schedules': {
					ok: true,
					data: { 'default/cleanup': { ok: true, data: { name: 'cleanup', targetInput: input } } },
				},
			}),
		);
		const text = JSON.stringify(redacted);
		expect(text).not.toContain('escaped-hunter2');
		const schedules = redacted.reads['scheduler.lambda-schedules'] as {
			ok: true;
			data: Record<string, { data: { targetInput: string } }>;
		};
		const targetInput = JSON.parse(schedules.data['default/cleanup']?.data.targetInput ?? '');
		// What the checks read from the input survives, and it is still JSON.
		expect(targetInput.FunctionName).toBe('lab2-snapshot-cleanup');
		expect(JSON.parse(targetInput.Payload)).toEqual({ db_password: redactedValue, dryRun: false });
		// The same escaped form in free text (a command line) is redacted too.
		expect(redactText(`--target '{"Input":"{\\"db_password\\":\\"cli-hunter2\\"}"}'`)).not.toContain('cli-hunter2');
	});

	it('redacts a String parameter named like a secret, and any SecureString value', () => {
		const text = stored({
			'ssm.sre-lab-parameters': {
				ok: true,
				data: [
					{ name: '/sre-lab/lab1/slo', type: 'String', value: '{"objective":99.9}', lastModified: null },
					{ name: '/sre-lab/lab2/db-password', type: 'String', value: 'plaintext-db-secret', lastModified: null },
					{ name: '/sre-lab/lab2/notes', type: 'SecureString', value: 'AQICAHciphertext', lastModified: null },
				],
			},
		});
		expect(text).not.toContain('plaintext-db-secret');
		expect(text).not.toContain('AQICAHciphertext');
		expect(text).toContain('/sre-lab/lab2/db-password');
		expect(text).toContain('{\\"objective\\":99.9}');
	});

	it('redacts a whole quoted value, not only its first word', () => {
		const redacted = redactText('db:\n  user: app\n  password: "correct horse battery staple"\n  port: 5432');
		for (const word of ['correct', 'horse', 'battery', 'staple']) expect(redacted).not.toContain(word);
		expect(redacted).toContain(`password: "${redactedValue}"`);
		expect(redacted).toContain('port: 5432');
		expect(redactText("PGPASSWORD='two words' psql")).toBe(`PGPASSWORD='${redactedValue}' psql`);
	});

	it('redacts credential-shaped values wherever they are', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFybmVyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
		const text = redactText(
			[
				'AKIAIOSFODNN7EXAMPLE',
				'ASIAY34FZKBOKMUTVV7A',
				'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
				'ghp_abcdefghijklmnopqrstuvwxyzABCDEF0123',
				`Bearer ${jwt}`,
				'-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
				'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
			].join(' '),
		);
		for (const secret of [
			'AKIAIOSFODNN7EXAMPLE',
			'ASIAY34FZKBOKMUTVV7A',
			'wJalrXUtnFEMI',
			'ghp_',
			jwt,
			'b3BlbnNzaC1rZXk',
			'T000/B000',
		]) {
			expect(text).not.toContain(secret);
		}
	});

	it('keeps lookalikes that are not secrets: hashes, ids, pagination tokens and pointers to secrets', () => {
		const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
		expect(redactText(`commit ${sha1}`)).toBe(`commit ${sha1}`);
		// 40 letters and digits, but words: a metric filter name a learner may choose.
		const filterName = 'ErrorCountFilterForWebServerAccessLog5xx';
		expect(filterName).toHaveLength(40);
		expect(redactText(`filter ${filterName}`)).toBe(`filter ${filterName}`);
		// Random 40 characters without / or + are still a secret key.
		expect(redactText('key Ab3dEf5GhIjK7LmN9oPqR1sTuV3wXyZ5aBcD7eFg')).toBe(`key ${redactedValue}`);
		expect(redactText('bypass=yes compass: north')).toBe('bypass=yes compass: north');
		// IAM action names and ARNs in policy documents are evidence, not secrets.
		const statement = {
			Effect: 'Allow',
			Action: ['secretsmanager:GetSecretValue', 'sts:GetSessionToken', 'iam:PassRole'],
			Resource: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-password-AbCdEf',
		};
		const reads = {
			'iam.lambda-execution-roles': { ok: true as const, data: { document: { Statement: [statement] } } },
		};
		expect(redactSecrets(fakeSnapshot('111111111111', undefined, reads)).reads).toEqual(reads);
		expect(
			['NextToken', 'nextToken', 'DbPasswordArn', 'SecretName', 'TokenType', 'PasswordLastUsed', 'KmsKeyId'].map(
				isSecretKeyName,
			),
		).toEqual([false, false, false, false, false, false, false]);
	});
});

describe('redactSecrets: no over-redaction of what the checks read', () => {
	const fixtures = join(import.meta.dirname, '../../fixtures/snapshots');
	// Every registered lab's fixtures (a lab still being built keeps fixtures before it is registered).
	const cases = labIds().flatMap((lab) =>
		readdirSync(join(fixtures, lab))
			.filter((file) => file.endsWith('.json'))
			.map((file) => [lab, file] as const),
	);

	it.each(cases)('%s %s gives the same verdicts after redaction', (lab, file) => {
		const path = join(fixtures, lab, file);
		const snapshot = parseSnapshot(readFileSync(path, 'utf8'), path);
		const now = () => new Date(snapshot.collectedAt);
		const verdicts = (graded: ReturnType<typeof evaluateLab>) =>
			graded.checks.map((check) => [check.id, check.status, check.message]);
		expect(verdicts(evaluateLab(lab, redactSecrets(snapshot), { now }))).toEqual(
			verdicts(evaluateLab(lab, snapshot, { now })),
		);
	});
});

describe('redactSecrets: resources named with a secret word', () => {
	it('keeps the read outcomes keyed by a resource whose name holds a secret word (a log group of a "secret-santa" app)', () => {
		const path = join(import.meta.dirname, '../../fixtures/snapshots/lab1/passing.json');
		const text = readFileSync(path, 'utf8').replaceAll('/sre-lab/lab1/access', '/webapps/secret-santa/access');
		const snapshot = parseSnapshot(text, path);
		const redacted = redactSecrets(snapshot);
		const streams = redacted.reads['logs.recent-log-streams'];
		expect(streams?.ok && streams.data).toHaveProperty(['/webapps/secret-santa/access', 'ok'], true);
		const now = () => new Date(snapshot.collectedAt);
		const verdicts = (graded: ReturnType<typeof evaluateLab>) =>
			graded.checks.map((check) => [check.id, check.status, check.message]);
		const before = verdicts(evaluateLab('lab1', snapshot, { now }));
		expect(before.every(([, status]) => status === 'pass')).toBe(true);
		expect(verdicts(evaluateLab('lab1', redacted, { now }))).toEqual(before);
	});

	it('still redacts a secret-named value inside such an outcome', () => {
		const snapshot = fakeSnapshot('111122223333');
		snapshot.reads['lambda.function-tags'] = {
			ok: true,
			data: { 'token-service': { ok: true, data: { DB_PASSWORD: 'hunter2hunter2', team: 'orders' } } },
		};
		const redacted = redactSecrets(snapshot).reads['lambda.function-tags'];
		expect(redacted?.ok && redacted.data).toEqual({
			'token-service': { ok: true, data: { DB_PASSWORD: redactedValue, team: 'orders' } },
		});
	});
});

describe('redactSecrets: credentials in headers and keys named for their use', () => {
	it('redacts an Authorization header value, opaque or not, and a bearer or basic credential in text', () => {
		const snapshot = fakeSnapshot('111122223333');
		snapshot.reads['scheduler.lambda-schedules'] = {
			ok: true,
			data: [
				{
					input: JSON.stringify({
						headers: { Authorization: 'Bearer opaque-token-4f9a0c', Cookie: 'session=abc123def' },
					}),
					note: 'curl -H "Authorization: Basic YWRtaW46aHVudGVyMg==" https://example.com',
				},
			],
		};
		const text = JSON.stringify(redactSecrets(snapshot));
		for (const secret of ['opaque-token-4f9a0c', 'abc123def', 'YWRtaW46aHVudGVyMg=='])
			expect(text).not.toContain(secret);
		expect(text).toContain('https://example.com');
	});

	it('redacts tag values of keys named for signing, encryption, master, client and licence keys', () => {
		const tags = ['JWT_SIGNING_KEY', 'EncryptionKey', 'master-key', 'CLIENT_KEY', 'LicenseKey'].map((Key) => ({
			Key,
			Value: 'v3ry-s3cret-value',
		}));
		const snapshot = fakeSnapshot('111122223333', undefined, { 'ec2.instances': { ok: true, data: [{ Tags: tags }] } });
		expect(JSON.stringify(redactSecrets(snapshot))).not.toContain('v3ry-s3cret-value');
		// Names that only point at a key stay as they are.
		expect(['KmsKeyId', 'KeyName', 'Key', 'AuthorizationType', 'SortKey'].map(isSecretKeyName)).toEqual([
			false,
			false,
			false,
			false,
			false,
		]);
	});
});
