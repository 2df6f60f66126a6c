/**
 * Operations that return secrets, refused by the read-only guard even when a collector declares them:
 * a second, independent line behind the allow-list, because in `check` the learner's own (often
 * administrator) credentials are used and the guard is then the only barrier.
 *
 * Matched on the operation name whatever the service, so a client whose IAM prefix the engine does not
 * know (it then guesses from the client name) is still caught.
 */
const secretRevealingOperations: Readonly<Record<string, string>> = {
	GetSecretValue: 'it returns a Secrets Manager secret',
	BatchGetSecretValue: 'it returns Secrets Manager secrets',
	GetSessionToken: 'it mints AWS credentials',
	GetFederationToken: 'it mints AWS credentials',
	AssumeRole: 'it mints AWS credentials (the cohort provider assumes roles on its own STS client)',
	AssumeRoleWithSAML: 'it mints AWS credentials',
	AssumeRoleWithWebIdentity: 'it mints AWS credentials',
	AssumeRoot: 'it mints AWS credentials',
	GetRoleCredentials: 'it returns AWS credentials',
	GetCredentialsForIdentity: 'it returns AWS credentials',
	GetOpenIdToken: 'it returns a token',
	GetOpenIdTokenForDeveloperIdentity: 'it returns a token',
	GetClusterCredentials: 'it returns database credentials',
	GetClusterCredentialsWithIAM: 'it returns database credentials',
	GetCredentials: 'it returns database credentials',
	GetAuthorizationToken: 'it returns a registry token',
	GetPasswordData: "it returns an instance's encrypted administrator password",
	GetInstanceAccessDetails: 'it returns SSH keys',
	GetRelationalDatabaseMasterUserPassword: 'it returns a database password',
	GetObject: "it returns a stored object's content",
	GetObjectTorrent: "it returns a stored object's content",
	SelectObjectContent: "it returns a stored object's content",
	Decrypt: 'it decrypts data',
	GenerateDataKey: 'it returns a plaintext data key',
	TestFailover: 'it fails a cluster over for real',
	TestState: 'it runs a state machine state for real',
	TestInvokeMethod: 'it invokes the integration behind an API for real',
	TestInvokeAuthorizer: 'it invokes an authorizer for real',
};

/** Secret-revealing operations that share a harmless name with other services' reads. */
const secretRevealingActions: Readonly<Record<string, string>> = {
	'lambda:GetFunction': "it returns a download link to the function's code and its environment variables",
	'lambda:ListFunctions': "it returns every function's environment variables",
	'lambda:ListVersionsByFunction': "it returns every version's environment variables",
	'ec2:GetLaunchTemplateData': "it returns an instance's user data",
};

function flag(input: unknown, ...names: string[]): boolean {
	if (typeof input !== 'object' || input === null) return false;
	return names.some((name) => (input as Record<string, unknown>)[name] === true);
}

/**
 * Why this call would reveal a secret, or null. Besides the operations above, parameters that turn a
 * harmless read into a secret one: decrypting SecureString parameters (SSM `WithDecryption`, which
 * the `aws/ssm` key allows to anyone in the account), API key values (API Gateway `includeValue`),
 * and an instance's user data.
 */
export function secretRevealingReason(service: string, operation: string, input: unknown): string | null {
	const byName = secretRevealingOperations[operation] ?? secretRevealingActions[`${service}:${operation}`];
	if (byName) return byName;
	if (flag(input, 'WithDecryption', 'withDecryption')) return 'WithDecryption would decrypt SecureString values';
	if (flag(input, 'includeValue', 'includeValues', 'IncludeValue', 'IncludeValues')) {
		return 'it would include API key values';
	}
	if (
		operation === 'DescribeInstanceAttribute' &&
		(input as { Attribute?: unknown } | null)?.Attribute === 'userData'
	) {
		return 'user data often holds passwords and keys';
	}
	return null;
}
