/**
 * A simulated cohort whose instructor's own credentials stop working in the middle of a run. Every
 * learner account is the finished Lab 1 account of lab1-account.ts (served by aws-sdk-client-mock)
 * under its own account id, graded by the real engine grader through the real per-account
 * credentials: createAccountCredentials → fromTemporaryCredentials → a real STS client, whose
 * AssumeRole is answered by `stsEndpoint` below after the SDK has signed it with the instructor's
 * credentials (`masterCredentials`).
 *
 * aws-sdk-client-mock answers `send` before any middleware runs, so on its own no read would ever ask
 * for credentials. `installExpiringInstructor` puts back the step that matters here, as the SDK's
 * signing does: every read first resolves its client's credentials, the account's assumed-role
 * session, renewed through AssumeRole when near its end. AssumeRole hands out sessions already
 * inside the five-minute renewal margin, and the instructor's credentials are near their end too, so
 * each read renews the session from the instructor's credentials: a long run compressed into seconds.
 */
import { Readable } from 'node:stream';
import { ApplicationSignalsClient } from '@aws-sdk/client-application-signals';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { completeLab1Account, type MockedClients, mockLab1Account } from './lab1-account.ts';

/** How the instructor's credentials fail once they have expired. */
export type ExpiryMode =
	/** Keys whose session token expired: STS refuses them. */
	| 'sts-expired-token'
	/** Keys AWS no longer knows (deleted, or the session revoked). */
	| 'sts-invalid-client-token'
	/** An IAM Identity Center profile whose SSO session ended: the SDK's SSO provider throws. */
	| 'sso-session-expired';

/** STS's answers to a request signed with such keys (AWS STS API reference, Common Errors). */
const stsRefusals = {
	'sts-expired-token': {
		status: 400,
		code: 'ExpiredToken',
		message: 'The security token included in the request is expired',
	},
	'sts-invalid-client-token': {
		status: 403,
		code: 'InvalidClientTokenId',
		message: 'The security token included in the request is invalid.',
	},
} as const;

/** STS's answer when the role is gone, does not trust the caller or wants another ExternalId. */
const roleRefused = (roleArn: string) => ({
	status: 403,
	code: 'AccessDenied',
	message: `User: arn:aws:sts::999999999999:assumed-role/Instructor/ana is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
});

const requestId = 'c6104cbe-af31-11e0-8154-cbc7ccf896c7';

function xmlResponse(status: number, body: string) {
	return {
		response: { statusCode: status, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) },
	};
}

function stsErrorDocument(refusal: { status: number; code: string; message: string }) {
	return xmlResponse(
		refusal.status,
		`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${refusal.code}</Code><Message>${refusal.message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
	);
}

/** AssumeRole's response (AWS STS API reference, AssumeRole, Examples). */
function assumeRoleDocument(accountId: string, sessionName: string, expiration: Date) {
	return xmlResponse(
		200,
		`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${accountId}:assumed-role/SreLabGrader/${sessionName}</Arn>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:${sessionName}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${accessKeyFor(accountId)}</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
      <Expiration>${expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`,
	);
}

/** What @aws-sdk/credential-provider-sso throws for an ended session (its own name and message). */
function ssoSessionExpired(): Error {
	return Object.assign(
		new Error(
			'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
		),
		{ name: 'CredentialsProviderError', tryNextLink: false },
	);
}

/** Temporary keys whose access key id carries the account, so GetCallerIdentity can answer with it. */
const accessKeyFor = (accountId: string) => `ASIA${accountId}GRDR`;
const accountOfKey = (accessKeyId: string) => accessKeyId.slice(4, 16);

type SendFunction = (this: SignedClient, command: { input: object }, ...rest: unknown[]) => Promise<unknown>;
interface SignedClient {
	config: { credentials: () => Promise<AwsCredentialIdentity> };
}

/** The client classes mockLab1Account mocks. */
const lab1ClientClasses = [
	STSClient,
	EC2Client,
	IAMClient,
	CloudWatchClient,
	CloudWatchLogsClient,
	SNSClient,
	SSMClient,
	ApplicationSignalsClient,
];

export interface ExpiringInstructor {
	/** The instructor's own credentials, as the SDK's default chain gives them (near their end). */
	masterCredentials: () => Promise<AwsCredentialIdentity>;
	/** The STS endpoint the grader roles are assumed at: pass as the STS client's requestHandler. */
	stsEndpoint: { handle(request: { body?: unknown }): Promise<ReturnType<typeof xmlResponse>> };
	/** From the first renewal of this learner's session on, the instructor's credentials have expired. */
	expireAtFirstRenewalOf(learnerId: string, mode: ExpiryMode): void;
	/** The learner deletes their grader role after its first AssumeRole: renewing the session is refused. */
	deleteRoleAfterFirstAssumeOf(learnerId: string): void;
	/** The instructor signed in again. */
	signInAgain(): void;
	/** AssumeRole requests per role session name (refused ones included). */
	assumeRoleCalls: Map<string, number>;
	mocks: MockedClients;
	restore(): void;
}

export function installExpiringInstructor(): ExpiringInstructor {
	const mocks = mockLab1Account(completeLab1Account());
	let expired: ExpiryMode | undefined;
	let trigger: { learnerId: string; mode: ExpiryMode } | undefined;
	const assumeRoleCalls = new Map<string, number>();
	const deletedRoles = new Set<string>();
	// The credentials each read was signed with, by the read's input (the mock sees only the input).
	const signedWith = new WeakMap<object, AwsCredentialIdentity>();
	const soon = () => new Date(Date.now() + 60_000);

	const masterCredentials = async (): Promise<AwsCredentialIdentity> => {
		if (expired === 'sso-session-expired') throw ssoSessionExpired();
		return {
			accessKeyId: 'ASIAINSTRUCTOR000000',
			secretAccessKey: 'instructor-secret',
			sessionToken: 'instructor-session',
			expiration: soon(),
		};
	};

	const stsEndpoint = {
		async handle(request: { body?: unknown }) {
			const form = new URLSearchParams(String(request.body ?? ''));
			const sessionName = form.get('RoleSessionName') ?? '';
			const calls = (assumeRoleCalls.get(sessionName) ?? 0) + 1;
			assumeRoleCalls.set(sessionName, calls);
			if (trigger && sessionName === `sre-lab-grader-${trigger.learnerId}` && calls === 2) expired = trigger.mode;
			if (expired === 'sts-expired-token' || expired === 'sts-invalid-client-token')
				return stsErrorDocument(stsRefusals[expired]);
			const roleArn = form.get('RoleArn') ?? '';
			if (calls > 1 && deletedRoles.has(sessionName)) return stsErrorDocument(roleRefused(roleArn));
			const accountId = /::(\d{12}):/.exec(roleArn)?.[1] ?? '000000000000';
			return assumeRoleDocument(accountId, sessionName, soon());
		},
	};

	// STS answers with the account of the credentials the call was signed with.
	mocks.sts.on(GetCallerIdentityCommand).callsFake((input: object) => {
		const accountId = accountOfKey(signedWith.get(input)?.accessKeyId ?? '');
		return {
			Account: accountId,
			Arn: `arn:aws:sts::${accountId}:assumed-role/SreLabGrader/sre-lab-grader`,
			UserId: 'AROA3XFRBF535PLBIFPI4:sre-lab-grader',
		};
	});

	// Every client class the Lab 1 account mocks resolves its credentials before answering, as the
	// SDK's signing step does.
	const restores: (() => void)[] = [];
	for (const clientClass of lab1ClientClasses) {
		const prototype = clientClass.prototype as unknown as { send: SendFunction };
		const mockedSend = prototype.send;
		prototype.send = async function (this: SignedClient, command, ...rest) {
			signedWith.set(command.input, await this.config.credentials());
			return mockedSend.call(this, command, ...rest);
		};
		restores.push(() => {
			prototype.send = mockedSend;
		});
	}

	return {
		masterCredentials,
		stsEndpoint,
		expireAtFirstRenewalOf(learnerId, mode) {
			trigger = { learnerId, mode };
		},
		deleteRoleAfterFirstAssumeOf(learnerId) {
			deletedRoles.add(`sre-lab-grader-${learnerId}`);
		},
		signInAgain() {
			expired = undefined;
			trigger = undefined;
		},
		assumeRoleCalls,
		mocks,
		restore() {
			for (const restore of restores.reverse()) restore();
			mocks.restore();
		},
	};
}
