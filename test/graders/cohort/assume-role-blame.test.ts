import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAccountCredentials } from '../../../graders/cohort/account-credentials.ts';
import { AssumeRoleFailed, InstructorSideError } from '../../../graders/cohort/account-errors.ts';

const instructor = async () => ({ accessKeyId: 'AKIAINSTRUCTOR000000', secretAccessKey: 'instructor-secret' });
const roleArn = 'arn:aws:iam::123456789012:role/SreLabGrader';

/** STS's query-protocol error document (AWS STS API reference, "Common Errors" and AssumeRole "Errors"). */
function stsError(status: number, code: string, message: string) {
	return {
		async handle() {
			const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>`;
			return {
				response: {
					statusCode: status,
					headers: { 'content-type': 'text/xml' },
					body: Readable.from([Buffer.from(body)]),
				},
			};
		},
	};
}

/** A socket-level failure, as Node's HTTP client raises it. */
function socketError(code: string, message: string) {
	return {
		async handle(): Promise<never> {
			throw Object.assign(new Error(message), {
				code,
				...(code === 'ENOTFOUND' ? { hostname: 'sts.example.invalid' } : {}),
			});
		},
	};
}

async function failureOf(
	requestHandler: unknown,
	masterCredentials: () => Promise<never> | ReturnType<typeof instructor> = instructor,
) {
	const credentials = createAccountCredentials({
		roleArn,
		externalId: 'spring-2026',
		region: 'eu-west-1',
		masterCredentials,
		stsClientConfig: { requestHandler, maxAttempts: 2 },
	});
	return credentials().then(
		() => {
			throw new Error('expected AssumeRole to fail');
		},
		(error: unknown) => error as Error,
	);
}

describe('whose fault an AssumeRole failure is', () => {
	it.each([
		[
			'role missing or trust policy',
			'AccessDenied',
			`User: arn:aws:iam::999999999999:user/instructor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
		],
		[
			'ExternalId mismatch (STS answers the same)',
			'AccessDenied',
			`User: arn:aws:iam::999999999999:user/instructor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
		],
	])('%s: the learner’s account (recorded as assume-role)', async (_case, code, message) => {
		const failure = await failureOf(stsError(403, code, message));
		expect(failure).toBeInstanceOf(AssumeRoleFailed);
	});

	it.each([
		[
			'an expired instructor session token',
			400,
			'ExpiredToken',
			'The security token included in the request is expired',
		],
		[
			'an unknown instructor access key',
			403,
			'InvalidClientTokenId',
			'The security token included in the request is invalid.',
		],
		[
			'a wrong instructor secret key',
			403,
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided.',
		],
	])('%s: the instructor’s own credentials, which stop the run', async (_case, status, code, message) => {
		const failure = await failureOf(stsError(status, code, message));
		expect(failure).toBeInstanceOf(InstructorSideError);
		expect(failure).toMatchObject({ kind: 'credentials', stopsRun: true });
		expect(failure.message).toMatch(/^your own AWS credentials failed: /);
		expect(failure.message).not.toMatch(/grader role|trust|external id/i);
	});

	it('no instructor credentials at all (the SDK chain found none): stops the run', async () => {
		const missing = async (): Promise<never> => {
			throw Object.assign(new Error('Could not load credentials from any providers'), {
				name: 'CredentialsProviderError',
			});
		};
		const failure = await failureOf(stsError(200, 'x', 'x'), missing);
		expect(failure).toMatchObject({ name: 'InstructorSideError', kind: 'credentials', stopsRun: true });
	});

	it.each([
		['throttling after the retries', stsError(400, 'Throttling', 'Rate exceeded'), 'throttled'],
		['a reset connection', socketError('ECONNRESET', 'read ECONNRESET'), 'network'],
		['a bad endpoint', socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND sts.example.invalid'), 'network'],
		['an STS server error', stsError(503, 'ServiceUnavailable', 'Service is unavailable'), 'service'],
	])('%s: the instructor’s side, left for --resume without stopping the run', async (_case, handler, kind) => {
		const failure = await failureOf(handler);
		expect(failure).toBeInstanceOf(InstructorSideError);
		expect(failure).toMatchObject({ kind, stopsRun: false });
		expect(failure.message).toContain(`cannot assume ${roleArn}`);
	});
});
