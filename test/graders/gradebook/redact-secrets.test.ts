import { describe, expect, it } from 'vitest';
import {
	isSecretKeyName,
	redactedValue,
	redactSecrets,
	redactText,
} from '../../../graders/gradebook/redact-secrets.ts';
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
