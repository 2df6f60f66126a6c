import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	createAccountCredentials,
	memoizeCredentials,
	roleSessionName,
} from '../../../graders/cohort/account-credentials.ts';
import { AssumeRoleFailed } from '../../../graders/cohort/account-errors.ts';

const instructor = async () => ({ accessKeyId: 'AKIAINSTRUCTOR000000', secretAccessKey: 'instructor-secret' });

/** An STS endpoint that answers AssumeRole the way AWS does, and remembers each request body. */
function fakeSts(status = 200) {
	const requests: string[] = [];
	const requestHandler = {
		async handle(request: { body?: unknown }) {
			requests.push(String(request.body));
			const body =
				status === 200
					? '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAGRADER0000000000</AccessKeyId><SecretAccessKey>temp-secret</SecretAccessKey><SessionToken>temp-token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>'
					: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>';
			return {
				response: {
					statusCode: status,
					headers: { 'content-type': 'text/xml' },
					body: Readable.from([Buffer.from(body)]),
				},
			};
		},
	};
	return { requests, requestHandler };
}

describe('createAccountCredentials', () => {
	it('assumes the role once with the external id and a session name that names the tool', async () => {
		const sts = fakeSts();
		const credentials = createAccountCredentials({
			roleArn: 'arn:aws:iam::123456789012:role/SreLabGrader',
			externalId: 'spring-2026',
			region: 'eu-west-1',
			sessionSuffix: 'ana',
			masterCredentials: instructor,
			stsClientConfig: { requestHandler: sts.requestHandler },
		});
		const [first, second] = await Promise.all([credentials(), credentials()]);
		await credentials();
		expect(first).toMatchObject({ accessKeyId: 'ASIAGRADER0000000000', sessionToken: 'temp-token' });
		expect(second).toBe(first);
		expect(sts.requests).toHaveLength(1);
		const params = new URLSearchParams(sts.requests[0]);
		expect(Object.fromEntries(params)).toMatchObject({
			Action: 'AssumeRole',
			RoleArn: 'arn:aws:iam::123456789012:role/SreLabGrader',
			ExternalId: 'spring-2026',
			RoleSessionName: 'sre-lab-grader-ana',
		});
	});

	it('reports a refused AssumeRole as AssumeRoleFailed naming the role', async () => {
		const sts = fakeSts(403);
		const credentials = createAccountCredentials({
			roleArn: 'arn:aws:iam::123456789012:role/SreLabGrader',
			externalId: 'wrong',
			region: 'eu-west-1',
			masterCredentials: instructor,
			stsClientConfig: { requestHandler: sts.requestHandler, maxAttempts: 1 },
		});
		const failure = await credentials().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(AssumeRoleFailed);
		expect((failure as Error).message).toMatch(
			/^cannot assume arn:aws:iam::123456789012:role\/SreLabGrader: AccessDenied/,
		);
	});
});

describe('memoizeCredentials', () => {
	it('refreshes five minutes before expiry and not before', async () => {
		let clock = Date.parse('2026-03-02T10:00:00Z');
		let calls = 0;
		const provider = memoizeCredentials(
			async () => {
				calls += 1;
				return { accessKeyId: `key-${calls}`, secretAccessKey: 's', expiration: new Date(clock + 60 * 60 * 1000) };
			},
			() => clock,
		);
		expect((await provider()).accessKeyId).toBe('key-1');
		clock += 54 * 60 * 1000;
		expect((await provider()).accessKeyId).toBe('key-1');
		clock += 2 * 60 * 1000;
		expect((await provider()).accessKeyId).toBe('key-2');
	});

	it('shares a failure with callers waiting on it but retries for the next caller', async () => {
		let calls = 0;
		const provider = memoizeCredentials(async () => {
			calls += 1;
			if (calls === 1) throw new Error('role not there yet');
			return { accessKeyId: 'ok', secretAccessKey: 's' };
		});
		const results = await Promise.allSettled([provider(), provider()]);
		expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
		expect(calls).toBe(1);
		expect((await provider()).accessKeyId).toBe('ok');
	});
});

describe('roleSessionName', () => {
	it('keeps to the characters and length STS accepts', () => {
		expect(roleSessionName()).toBe('sre-lab-grader');
		expect(roleSessionName('ana lima/1')).toBe('sre-lab-grader-ana-lima-1');
		expect(roleSessionName('x'.repeat(80))).toHaveLength(64);
	});
});
