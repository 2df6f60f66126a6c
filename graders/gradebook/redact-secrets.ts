import type { Snapshot } from '../engine/types.ts';

/** What replaces a secret: it says that something was there, and what kind of thing. */
export const redactedValue = '[redacted]';
const redactedAccessKey = '[redacted-access-key-id]';

/**
 * Words that make a property, tag, parameter or variable name a secret's name, whatever the case or
 * separator (`DB_PASS`, `DbPass`, `db-password`, `GITHUB_TOKEN`, `x-api-key`). Short words match whole
 * words only, so `bypass` or `compass` are not secrets.
 */
const secretWords: ReadonlySet<string> = new Set([
	'pass',
	'pwd',
	'token',
	'tokens',
	'apikey',
	'privatekey',
	// HTTP headers that carry credentials (`Authorization: Bearer …`, session cookies).
	'authorization',
	'cookie',
	'cookies',
]);
/** Long enough to be secrets inside a run-together name too (`PGPASSWORD`, `dbpassword`). */
const secretWordParts = ['password', 'passwd', 'passphrase', 'secret', 'credential'];
/** Names that contain a secret word but name no secret: the Secrets Manager service prefix (`secretsmanager:GetSecretValue`). */
const notSecretWords: ReadonlySet<string> = new Set(['secretsmanager']);
/**
 * Two-word secret names: `api_key`, `private-key`, `AccessKey`, `JWT_SIGNING_KEY`… "key" alone is not
 * one: tags' `Key`, `SortKey`, an S3 object key name no secret.
 */
const secretWordPairs: ReadonlySet<string> = new Set([
	'api key',
	'private key',
	'access key',
	'secret key',
	'signing key',
	'encryption key',
	'master key',
	'client key',
	'license key',
	'licence key',
]);
/** A name ending with one of these only points at a secret (SecretArn, PasswordLastUsed, TokenType…). */
const pointerWords: ReadonlySet<string> = new Set([
	'arn',
	'arns',
	'id',
	'ids',
	'name',
	'names',
	'type',
	'status',
	'enabled',
	'count',
	'date',
	'used',
	'lastused',
	'policy',
	'length',
	'age',
	'version',
	'expiration',
	'expiry',
]);
/** Pagination tokens name a page, not a secret. */
const paginationWords: ReadonlySet<string> = new Set(['next', 'continuation', 'pagination', 'page', 'marker']);

/** `DbPass` → [db, pass]; `DB_PASS` → [db, pass]; `/sre-lab/lab2/db-password` → [sre, lab, lab2, db, password]. */
export function nameWords(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

export function isSecretKeyName(key: string): boolean {
	const words = nameWords(key);
	if (words.length === 0 || pointerWords.has(words.at(-1) ?? '')) return false;
	return words.some((word, index) => {
		const previous = words[index - 1] ?? '';
		if ((word === 'token' || word === 'tokens') && paginationWords.has(previous)) return false;
		if (notSecretWords.has(word)) return false;
		return (
			secretWords.has(word) ||
			secretWordParts.some((part) => word.includes(part)) ||
			/^(?:access|auth|bearer|github|gh|api|refresh|session|security|id)tokens?$/.test(word) ||
			secretWordPairs.has(`${previous} ${word}`)
		);
	});
}

// Access key ids: AKIA (long-term user keys), ASIA (temporary, STS), plus the rarer ABIA/ACCA.
const accessKeyIdPattern = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
// A secret access key is 40 random base64 characters. A SHA-1 (hex, one case) is not one, nor is a
// 40-letter CamelCase name (`ErrorCountFilterForWebServerAccessLog5xx`): random text switches between
// upper case, lower case and digits far more often (about 25 times in 40 characters) than words do.
const secretAccessKeyPattern = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
function characterClassChanges(text: string): number {
	const classOf = (character: string) => (/[a-z]/.test(character) ? 'l' : /[A-Z]/.test(character) ? 'u' : 'o');
	let changes = 0;
	for (let index = 1; index < text.length; index++) {
		if (classOf(text[index] ?? '') !== classOf(text[index - 1] ?? '')) changes++;
	}
	return changes;
}
function looksLikeSecretKey(text: string): boolean {
	if (!/[a-z]/.test(text) || !/[A-Z]/.test(text)) return false;
	if (/[/+]/.test(text)) return true;
	return (text.match(/[0-9]/g) ?? []).length >= 2 && characterClassChanges(text) >= 18;
}
const gitHubTokenPattern = /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g;
const jwtPattern = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const privateKeyBlockPattern = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
// scheme://user:password@host — the whole user information goes.
const urlUserInfoPattern = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'\\]+@/gi;
// An HTTP credential after its scheme (`Bearer <token>`, `Basic <base64 user:password>`), whatever names it.
const httpCredentialPattern = /\b(Bearer|Basic) ([A-Za-z0-9._~+/-]{8,}=*)/g;
const looksLikeCredential = (token: string) => /[0-9=+/._~-]/.test(token);
// Incoming-webhook URLs are credentials in themselves.
const webhookPattern = /\bhttps:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g;

// `name: value`, `name=value`, `"name": "value"` and the same with escaped quotes (`\"name\":\"value\"`,
// JSON inside a JSON string). The value is a quoted string (spaces and all) or a bare word.
const quote = String.raw`(?:\\*["'])?`;
const escapedQuoted = String.raw`\\+"(?:(?!\\+").)*\\+"`;
const doubleQuoted = String.raw`"(?:[^"\\\n]|\\.)*"`;
const singleQuoted = String.raw`'(?:[^'\\\n]|\\.)*'`;
const bare = String.raw`[^\s"',;&})\]\\]+`;
const assignmentPattern = new RegExp(
	String.raw`(${quote})([A-Za-z_][\w.-]*)(${quote}\s*[:=]\s*)(${escapedQuoted}|${doubleQuoted}|${singleQuoted}|${bare})`,
	'g',
);

/** A quoted value as its quotes and what they enclose; null for a bare word. */
function splitQuoted(value: string): { open: string; inner: string; close: string } | null {
	const quoted = /^(\\*["'])([\s\S]*?)(\\*["'])$/.exec(value);
	if (!quoted || value.length < 2) return null;
	return { open: quoted[1] ?? '', inner: quoted[2] ?? '', close: quoted[3] ?? '' };
}

function redactAssignment(open: string, name: string, separator: string, value: string): string {
	const quoted = splitQuoted(value);
	if (isSecretKeyName(name)) {
		return `${open}${name}${separator}${quoted ? `${quoted.open}${redactedValue}${quoted.close}` : redactedValue}`;
	}
	// Not a secret itself, but a quoted value may hold assignments (JSON inside a JSON string).
	return `${open}${name}${separator}${quoted ? `${quoted.open}${redactText(quoted.inner)}${quoted.close}` : value}`;
}

/** Removes credential-shaped text from a string (by shape and by the name it is assigned to), keeping the rest readable. */
export function redactText(text: string): string {
	return text
		.replace(privateKeyBlockPattern, redactedValue)
		.replace(urlUserInfoPattern, (_match, scheme: string) => `${scheme}${redactedValue}@`)
		.replace(webhookPattern, redactedValue)
		.replace(httpCredentialPattern, (match, scheme: string, token: string) =>
			looksLikeCredential(token) ? `${scheme} ${redactedValue}` : match,
		)
		.replace(assignmentPattern, (_match, open: string, name: string, separator: string, value: string) =>
			redactAssignment(open, name, separator, value),
		)
		.replace(gitHubTokenPattern, redactedValue)
		.replace(jwtPattern, redactedValue)
		.replace(accessKeyIdPattern, redactedAccessKey)
		.replace(secretAccessKeyPattern, (match) => (looksLikeSecretKey(match) ? redactedValue : match));
}

/**
 * A string holding JSON (an EventBridge or Scheduler target input, a policy, a dashboard body) is
 * redacted as the structure it is; re-serialised only when something in it changed, so every other
 * string stays byte for byte what the checks saw.
 */
function redactString(text: string): string {
	const trimmed = text.trim();
	if (/^[[{]/.test(trimmed)) {
		try {
			const parsed: unknown = JSON.parse(trimmed);
			const redacted = redactValue(parsed, null, null);
			if (JSON.stringify(redacted) !== JSON.stringify(parsed)) return JSON.stringify(redacted);
		} catch {
			// Not JSON after all: treat it as text.
		}
	}
	return redactText(text);
}

/** Fields that name a sibling value: tags' `{Key, Value}`, parameters' `{Name, Value}`, stack parameters and outputs. */
const pairNameFields = ['Key', 'key', 'Name', 'name', 'ParameterKey', 'OutputKey', 'ParameterName', 'parameterName'];
const pairValueFields = new Set(['Value', 'value', 'Values', 'values', 'ParameterValue', 'OutputValue']);

function holdsSecretValue(object: Record<string, unknown>): boolean {
	if (object.type === 'SecureString' || object.Type === 'SecureString') return true;
	return pairNameFields.some((field) => typeof object[field] === 'string' && isSecretKeyName(object[field]));
}

/**
 * A read's outcome for one resource (`{ ok: true, data }` or `{ ok: false, error }`), keyed by the
 * resource's name in a per-resource read. The name is the learner's (a log group of a "secret-santa"
 * app, a "token-service" function): it names no secret, so the outcome is walked, never replaced
 * whole, or a regrade of the stored evidence would no longer find the resource.
 */
function isReadOutcome(value: object): boolean {
	const fields = Object.keys(value);
	return (
		typeof (value as { ok?: unknown }).ok === 'boolean' &&
		fields.every((field) => field === 'ok' || field === 'data' || field === 'error')
	);
}

function redactValue(value: unknown, key: string | null, parentKey: string | null): unknown {
	if (typeof value === 'string') return key !== null && isSecretKeyName(key) ? redactedValue : redactString(value);
	if (typeof value !== 'object' || value === null) {
		return key !== null && isSecretKeyName(key) && value !== null && typeof value !== 'boolean' ? redactedValue : value;
	}
	if (Array.isArray(value)) return value.map((item) => redactValue(item, key, parentKey));
	// Lambda (and similar) environment variables hold configuration that is often a secret; the
	// variable names stay as evidence, the values never leave the learner's account.
	const isEnvironmentVariables = key === 'Variables' && parentKey === 'Environment';
	const object = value as Record<string, unknown>;
	const secretPair = holdsSecretValue(object);
	const result: Record<string, unknown> = {};
	for (const [childKey, childValue] of Object.entries(object)) {
		const safeKey = redactText(childKey);
		if (isEnvironmentVariables || (secretPair && pairValueFields.has(childKey) && childValue !== null)) {
			result[safeKey] = redactedValue;
		} else if (
			isSecretKeyName(childKey) &&
			typeof childValue === 'object' &&
			childValue !== null &&
			!isReadOutcome(childValue)
		) {
			result[safeKey] = redactedValue;
		} else {
			result[safeKey] = redactValue(childValue, childKey, key);
		}
	}
	return result;
}

/**
 * A copy of the snapshot safe to store as evidence or save to a file. Redacted by context: values of
 * secret-named properties, tags, parameters and variables (`DB_PASS`, `DbPass`, `GITHUB_TOKEN`,
 * `/sre-lab/lab2/db-password`), SecureString values, Lambda environment variable values, assignments
 * in free text (`password: "correct horse …"`) and inside JSON strings, escaped or not. And by shape,
 * anywhere: access key ids, secret-access-key-shaped strings, GitHub tokens, JWTs, private keys, the
 * user information of URLs (`postgres://admin:…@`), webhook URLs. Pure: the input is not modified.
 */
export function redactSecrets(snapshot: Snapshot): Snapshot {
	// Collector ids (`secretsmanager.secrets`…) name reads, not secrets, so only the data is walked.
	const reads: Snapshot['reads'] = {};
	for (const [collectorId, outcome] of Object.entries(snapshot.reads)) {
		reads[collectorId] = outcome.ok ? { ok: true, data: redactValue(outcome.data, null, null) } : outcome;
	}
	return { ...snapshot, reads };
}
