import type { Snapshot } from '../engine/types.ts';

/** What replaces a secret: it says that something was there, and what kind of thing. */
export const redactedValue = '[redacted]';
const redactedAccessKey = '[redacted-access-key-id]';

// Access key ids: AKIA (long-term user keys), ASIA (temporary, STS), plus the rarer ABIA/ACCA.
const accessKeyIdPattern = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
// "secret_access_key = ...", "password: ...", "X-Amz-Security-Token=..." inside free text such as a
// command line, a user-data script or a log line.
const assignedSecretPattern =
	/((?:aws_)?secret(?:_?access)?_?key|session_?token|security_?token|passw(?:or)?d|pwd|api_?key|client_?secret)(["']?\s*[:=]\s*["']?)([^\s"',;&]+)/gi;
const privateKeyBlockPattern = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

// Property names whose value is a secret whatever it looks like. Names ending in Arn/Id/Name/Type…
// only point at a secret (SecretArn, PasswordLastUsed…) and are kept: checks may need them.
const secretKeyNamePattern =
	/passw(or)?d|secret|session_?token|security_?token|private_?key|api_?key|access_?token|refresh_?token|^token$/i;
const pointerKeyNamePattern = /(arn|id|ids|name|names|type|status|enabled|count|date|lastused|policy|length|age)$/i;

export function isSecretKeyName(key: string): boolean {
	return secretKeyNamePattern.test(key) && !pointerKeyNamePattern.test(key);
}

/** Removes credential-shaped text from a string, keeping the rest readable. */
export function redactText(text: string): string {
	return text
		.replace(privateKeyBlockPattern, redactedValue)
		.replace(assignedSecretPattern, (_match, name: string, separator: string) => `${name}${separator}${redactedValue}`)
		.replace(accessKeyIdPattern, redactedAccessKey);
}

function redactValue(value: unknown, key: string | null, parentKey: string | null): unknown {
	if (typeof value === 'string') return key !== null && isSecretKeyName(key) ? redactedValue : redactText(value);
	if (typeof value !== 'object' || value === null) {
		return key !== null && isSecretKeyName(key) && value !== null && typeof value !== 'boolean' ? redactedValue : value;
	}
	if (Array.isArray(value)) return value.map((item) => redactValue(item, key, parentKey));
	// Lambda (and similar) environment variables hold configuration that is often a secret; the
	// variable names stay as evidence, the values never leave the learner's account.
	const isEnvironmentVariables = key === 'Variables' && parentKey === 'Environment';
	const result: Record<string, unknown> = {};
	for (const [childKey, childValue] of Object.entries(value)) {
		const safeKey = redactText(childKey);
		if (isEnvironmentVariables) {
			result[safeKey] = redactedValue;
		} else if (isSecretKeyName(childKey) && typeof childValue === 'object' && childValue !== null) {
			result[safeKey] = redactedValue;
		} else {
			result[safeKey] = redactValue(childValue, childKey, key);
		}
	}
	return result;
}

/**
 * A copy of the snapshot safe to store as evidence: Lambda environment variable values, values of
 * secret-named properties (passwords, secret keys, session tokens…), access key ids and private
 * keys anywhere in the text are replaced. Pure: the input is not modified.
 */
export function redactSecrets(snapshot: Snapshot): Snapshot {
	// Collector ids (`secretsmanager.secrets`…) name reads, not secrets, so only the data is walked.
	const reads: Snapshot['reads'] = {};
	for (const [collectorId, outcome] of Object.entries(snapshot.reads)) {
		reads[collectorId] = outcome.ok ? { ok: true, data: redactValue(outcome.data, null, null) } : outcome;
	}
	return { ...snapshot, reads };
}
