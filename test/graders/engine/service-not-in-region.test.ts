import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { schedulerLambdaSchedules } from '../../../graders/collectors/scheduler/lambda-schedules.ts';
import { createClientProvider } from '../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../graders/engine/collect.ts';

const region = 'ap-southeast-7';
const window = { since: '2026-11-22T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' };
const identityXml =
	'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/learner</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

/**
 * Real SDK clients whose network resolves only the hosts in `resolvable`: every other host name
 * fails as Node's DNS lookup does (ENOTFOUND, with the host name on the error).
 */
function collectWhereOnlyResolves(resolvable: readonly string[]) {
	const options = {
		region,
		reads: [schedulerLambdaSchedules],
		credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
		maxAttempts: 1,
		clientConfig: {
			requestHandler: {
				async handle(request: { hostname: string }) {
					if (!resolvable.includes(request.hostname)) {
						throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${request.hostname}`), {
							code: 'ENOTFOUND',
							hostname: request.hostname,
						});
					}
					return {
						response: {
							statusCode: 200,
							headers: { 'content-type': 'text/xml' },
							body: Readable.from([Buffer.from(identityXml)]),
						},
					};
				},
				updateHttpClientConfig() {},
				httpHandlerConfigs: () => ({}),
			},
		},
	};
	const clients = createClientProvider(options);
	return collectSnapshot({ collectors: [schedulerLambdaSchedules], clients, region, window }).finally(() =>
		clients.destroy(),
	);
}

describe('a service with no endpoint in the Region', () => {
	it('says the service is not offered there once STS in that Region answered, instead of blaming the network', async () => {
		const snapshot = await collectWhereOnlyResolves([`sts.${region}.amazonaws.com`]);
		expect(snapshot.reads['sts.caller-identity']?.ok).toBe(true);
		expect(snapshot.reads['scheduler.lambda-schedules']).toEqual({
			ok: false,
			error: {
				kind: 'not-implemented',
				service: 'scheduler',
				operation: 'ListSchedules',
				action: 'scheduler:ListSchedules',
				message: `scheduler is not offered in ${region} (scheduler.${region}.amazonaws.com does not resolve), so scheduler:ListSchedules could not be read there.`,
			},
		});
	});

	it('is still a network problem when nothing resolves, STS included', async () => {
		const snapshot = await collectWhereOnlyResolves([]);
		const identity = snapshot.reads['sts.caller-identity'];
		expect(identity).toMatchObject({ ok: false, error: { kind: 'network' } });
		expect(identity?.ok === false && identity.error.message).toBe(
			`Could not reach the sts endpoint (ENOTFOUND sts.${region}.amazonaws.com). Check your network connection or --endpoint-url.`,
		);
		// Every other read shares the account-wide failure rather than guessing at the Region.
		expect(snapshot.reads['scheduler.lambda-schedules']).toEqual(identity);
	});
});
