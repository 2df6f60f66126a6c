import { describe, expect, it } from 'vitest';
import { callSiteKey, classifyReadError } from '../../../graders/engine/errors.ts';

const site = { service: 'ec2', operation: 'DescribeInstances' };
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
	Object.assign(new Error(message), { name, ...extra });

describe('classifyReadError', () => {
	it('names the denied action from the IAM message', () => {
		const error = classifyReadError(
			sdkError(
				'AccessDeniedException',
				'User: arn:aws:sts::1:assumed-role/R/s is not authorized to perform: logs:DescribeMetricFilters on resource: x',
			),
			{ service: 'logs', operation: 'DescribeMetricFilters' },
		);
		expect(error).toMatchObject({ kind: 'access-denied', action: 'logs:DescribeMetricFilters' });
		expect(error.message).toContain('sre-lab policy');
	});

	it('treats EC2 UnauthorizedOperation as access denied and falls back to the call site for the action', () => {
		expect(
			classifyReadError(sdkError('UnauthorizedOperation', 'You are not authorized to perform this operation.'), site),
		).toMatchObject({
			kind: 'access-denied',
			action: 'ec2:DescribeInstances',
		});
	});

	it.each([
		['throttled', sdkError('RequestLimitExceeded', 'Request limit exceeded.', { $metadata: { attempts: 8 } })],
		['throttled', sdkError('Unknown', 'slow down', { $metadata: { httpStatusCode: 429 } })],
		[
			'not-implemented',
			sdkError('InternalFailure', 'API action not implemented', { $metadata: { httpStatusCode: 501 } }),
		],
		['not-implemented', sdkError('NotImplementedException', 'not yet implemented')],
		['credentials', sdkError('CredentialsProviderError', 'Could not load credentials from any providers')],
		['credentials', sdkError('ExpiredTokenException', 'The security token included in the request is expired')],
		['region', sdkError('Error', 'Region is missing')],
		['network', sdkError('Error', 'getaddrinfo ENOTFOUND ec2.nowhere-1.amazonaws.com', { code: 'ENOTFOUND' })],
		['other', sdkError('ValidationException', 'bad input')],
	] as const)('classifies %s', (kind, error) => {
		expect(classifyReadError(error, site).kind).toBe(kind);
	});

	it('prefers the call site stamped by the middleware over the fallback', () => {
		const error = sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { attempts: 8 } });
		Object.defineProperty(error, callSiteKey, { value: { service: 'iam', operation: 'GetPolicy' } });
		const classified = classifyReadError(error, site);
		expect(classified).toMatchObject({ service: 'iam', operation: 'GetPolicy', action: 'iam:GetPolicy' });
		expect(classified.message).toContain('after 8 attempts');
	});

	it('survives throwing non-errors', () => {
		expect(classifyReadError('boom', site)).toMatchObject({ kind: 'other', action: 'ec2:DescribeInstances' });
	});
});

describe('classifyReadError gives each cause its own advice', () => {
	const sts = { service: 'sts', operation: 'GetCallerIdentity', region: 'eu-west-1' };
	const inRegion = (region: string) => ({ ...sts, region });

	it('missing credentials: sign in first', () => {
		const error = classifyReadError(
			sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
			sts,
		);
		expect(error).toMatchObject({ kind: 'credentials' });
		expect(error.message).toBe(
			'No AWS credentials found (Could not load credentials from any providers). Sign in first: `aws configure`, or `aws sso login` and --profile for an IAM Identity Center profile; AWS CloudShell has credentials already.',
		);
	});

	it.each([
		sdkError('ExpiredToken', 'The security token included in the request is expired'),
		sdkError('ExpiredTokenException', 'The security token included in the request is expired'),
		sdkError('Error', 'The security token included in the request is expired'),
		sdkError(
			'CredentialsProviderError',
			"The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
		),
		sdkError('TokenProviderError', 'Token is expired. To refresh this SSO session run aws sso login.'),
	])('expired credentials or token: get fresh ones (%s)', (thrown) => {
		const error = classifyReadError(thrown, sts);
		expect(error.kind).toBe('credentials');
		expect(error.message).toMatch(
			/^Your AWS credentials have expired \(.+\)\. Get fresh ones and run the grader again: `aws sso login`/,
		);
	});

	it('rejected credentials: the key is unknown or the secret wrong', () => {
		const error = classifyReadError(
			sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
			sts,
		);
		expect(error).toMatchObject({ kind: 'credentials' });
		expect(error.message).toBe(
			'AWS rejected your credentials (InvalidClientTokenId: The security token included in the request is invalid.): the access key is unknown or its secret is wrong. Check which identity is in use with `aws sts get-caller-identity`, then fix the keys or sign in again.',
		);
		expect(classifyReadError(sdkError('SignatureDoesNotMatch', 'bad signature'), inRegion('af-south-1')).kind).toBe(
			'credentials',
		);
	});

	it.each([
		sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
		sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
	])('an unknown key in an opt-in Region: enable the Region or pass another (%s)', (thrown) => {
		const error = classifyReadError(thrown, inRegion('ap-east-1'));
		expect(error.kind).toBe('region');
		expect(error.message).toBe(
			`AWS refused the call in ap-east-1, a Region an account has to enable before use (${thrown.name}). Enable it (account menu → Account → AWS Regions) or pass --region with the Region your lab is in (for example --region eu-west-1). If the Region is enabled, your credentials are invalid: sign in again.`,
		);
	});

	it('a made-up Region: its endpoint does not exist', () => {
		const error = classifyReadError(
			sdkError('Error', 'getaddrinfo ENOTFOUND sts.eu-nowhere-1.amazonaws.com', {
				code: 'ENOTFOUND',
				hostname: 'sts.eu-nowhere-1.amazonaws.com',
			}),
			inRegion('eu-nowhere-1'),
		);
		expect(error.kind).toBe('region');
		expect(error.message).toBe(
			'"eu-nowhere-1" is not an AWS Region: sts.eu-nowhere-1.amazonaws.com does not exist. Check the spelling and pass --region with the Region your lab is in (for example --region eu-west-1).',
		);
	});

	it('a real Region whose endpoint does not resolve is a network problem', () => {
		const error = classifyReadError(
			sdkError('Error', 'getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com', { code: 'ENOTFOUND' }),
			sts,
		);
		expect(error.kind).toBe('network');
		expect(error.message).toBe(
			'Could not reach the sts endpoint (ENOTFOUND sts.eu-west-1.amazonaws.com). Check your network connection or --endpoint-url.',
		);
	});

	it('a Region name the SDK refuses to put in a host name', () => {
		const error = classifyReadError(
			sdkError('Error', 'Region not accepted: region="eu west 1" is not a valid hostname component.'),
			inRegion('eu west 1'),
		);
		expect(error.kind).toBe('region');
		expect(error.message).toBe(
			'"eu west 1" is not a valid Region name: pass --region with the Region your lab is in (for example --region eu-west-1).',
		);
	});

	it('access denied: names the missing action', () => {
		const error = classifyReadError(
			sdkError(
				'AccessDenied',
				'User: arn:aws:sts::123456789012:assumed-role/Learner/l is not authorized to perform: iam:GetInstanceProfile on resource: instance profile web',
			),
			{ service: 'iam', operation: 'GetInstanceProfile' },
		);
		expect(error.message).toBe(
			'Access denied for iam:GetInstanceProfile. Grant it to the identity running the grader (`sre-lab policy` prints every action the graders need).',
		);
	});

	it('throttling after retries: says how many attempts and to wait', () => {
		const error = classifyReadError(
			sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { attempts: 8, httpStatusCode: 400 } }),
			{ service: 'cloudwatch', operation: 'ListMetrics' },
		);
		expect(error).toMatchObject({ kind: 'throttled', action: 'cloudwatch:ListMetrics' });
		expect(error.message).toBe(
			'AWS kept throttling cloudwatch:ListMetrics after 8 attempts. Wait a minute and run the grader again.',
		);
	});
});
