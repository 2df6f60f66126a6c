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
