import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { callerIdentity } from '../../collectors/sts/caller-identity.ts';
import { accountWideFailures, collectSnapshot } from '../../engine/collect.ts';
import type { LabDefinition } from '../../engine/define-lab.ts';
import { parseDuration, windowEndingAt } from '../../engine/duration.ts';
import { endpointUrlProblem } from '../../engine/endpoint-url.ts';
import { evaluateLabDefinition } from '../../engine/evaluate.ts';
import { loadSnapshot, SnapshotError, saveSnapshot } from '../../engine/snapshot.ts';
import type { Snapshot } from '../../engine/types.ts';
import { redactSecrets } from '../../gradebook/redact-secrets.ts';
import { getLab } from '../../labs/index.ts';
import { formatCallSummary } from '../../output/call-summary.ts';
import { formatChecklist } from '../../output/checklist.ts';
import { formatJson } from '../../output/json.ts';
import { formatJunit } from '../../output/junit.ts';
import { exitCodeFor } from '../exit-codes.ts';
import { CannotGradeError, type CommandContext, UsageError } from '../io.ts';
import { resolveRegion } from '../resolve-region.ts';

export interface CheckOptions {
	json?: boolean;
	junit?: string;
	saveSnapshot?: string;
	fromSnapshot?: string;
	since?: string;
	region?: string;
	profile?: string;
	endpointUrl?: string;
	verbose?: boolean;
}

function labOrUsageError(labId: string): LabDefinition {
	try {
		return getLab(labId);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

async function collectFromAccount(
	lab: LabDefinition,
	options: CheckOptions,
	context: CommandContext,
): Promise<Snapshot> {
	const { io } = context;
	const since = options.since ?? lab.manifest.defaultSince;
	const durationMs = parseDuration(since);
	if (durationMs === null)
		throw new UsageError(`--since expects a duration such as 30m, 24h or 7d (at most 455d), got "${since}"`);
	refuseBadEndpointUrl(options.endpointUrl);
	const region = await resolveRegion(options.region, options.profile, io.env);
	if (!region) {
		throw new CannotGradeError('no AWS region: pass --region, set AWS_REGION, or set a region in your AWS profile');
	}
	const clients = io.createClients({
		region,
		reads: lab.collectors,
		...(options.profile ? { profile: options.profile } : {}),
		...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
	});
	try {
		// One self-overwriting progress line on a terminal; nothing in logs or pipes.
		const total = lab.collectors.length + 1;
		let done = 0;
		const progress = () => io.stderr(`\rReading your ${lab.id} resources in ${region}… ${done}/${total}`);
		if (io.isTTY) progress();
		const snapshot = await collectSnapshot({
			collectors: lab.collectors,
			clients,
			region,
			window: windowEndingAt(io.now(), durationMs),
			now: io.now,
			onRead: () => {
				done++;
				if (io.isTTY) progress();
			},
		});
		if (io.isTTY) io.stderr('\n');
		if (options.verbose) io.stderr(formatCallSummary(clients.counter.counts()));
		const identity = snapshot.reads[callerIdentity.id];
		if (identity && !identity.ok && accountWideFailures.has(identity.error.kind)) {
			// Ten identical "!" lines would bury the one thing to fix.
			throw new CannotGradeError(identity.error.message);
		}
		return snapshot;
	} finally {
		clients.destroy();
	}
}

/** A mistyped --endpoint-url is the user's to fix (exit 64), not a network problem to retry. */
export function refuseBadEndpointUrl(endpointUrl: string | undefined): void {
	const problem = endpointUrl === undefined ? undefined : endpointUrlProblem(endpointUrl);
	if (problem) throw new UsageError(`--endpoint-url "${endpointUrl}" ${problem}`);
}

async function writeOutputFile(file: string, write: () => Promise<void>): Promise<void> {
	try {
		await write();
	} catch (error) {
		throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
}

export async function runCheck(labId: string, options: CheckOptions, context: CommandContext): Promise<void> {
	const { io } = context;
	const lab = labOrUsageError(labId);
	if (options.fromSnapshot && (options.since || options.region || options.profile || options.endpointUrl)) {
		throw new UsageError(
			'--from-snapshot grades saved state; it cannot be combined with --since, --region, --profile or --endpoint-url',
		);
	}
	let snapshot: Snapshot;
	if (options.fromSnapshot) {
		try {
			snapshot = await loadSnapshot(options.fromSnapshot);
		} catch (error) {
			if (error instanceof SnapshotError) throw new UsageError(error.message);
			throw error;
		}
	} else {
		snapshot = await collectFromAccount(lab, options, context);
	}
	if (options.saveSnapshot) {
		const file = options.saveSnapshot;
		// Redacted as the gradebook's evidence is: the file outlives the run and may be shared.
		await writeOutputFile(file, () => saveSnapshot(file, redactSecrets(snapshot)));
	}
	const result = evaluateLabDefinition(lab, snapshot, { now: io.now });
	if (options.junit) {
		const file = options.junit;
		await writeOutputFile(file, () => writeFile(file, formatJunit(result), 'utf8'));
	}
	io.stdout(options.json ? formatJson(result) : formatChecklist(result, { color: io.isTTY }));
	context.setExitCode(exitCodeFor(result.outcome));
}

export function registerCheck(program: Command, context: CommandContext): void {
	program
		.command('check')
		.description('grade a lab in your own AWS account (read-only) and print a checklist')
		.argument('<lab>', 'the lab to grade, e.g. lab1 (see `sre-lab labs`)')
		.option('--json', 'print the result document as JSON instead of the checklist')
		.option('--junit <file>', 'also write the result as JUnit XML to <file>')
		.option('--save-snapshot <file>', 'save the collected account state to <file> (JSON) to grade again later')
		.option('--from-snapshot <file>', 'grade a saved snapshot instead of reading AWS (makes no AWS calls)')
		.option('--since <duration>', "time window for time-based checks, e.g. 30m, 24h, 7d (default: the lab's)")
		.option('--region <region>', 'AWS region of the lab (default: AWS_REGION, AWS_DEFAULT_REGION or the profile)')
		.option('--profile <name>', 'named AWS profile (default: the standard credential chain)')
		.option(
			'--endpoint-url <url>',
			'send every call to this endpoint (LocalStack, moto); AWS_ENDPOINT_URL(_<SERVICE>) also work',
		)
		.option('--verbose', 'print API calls and retries per service and operation (to stderr)')
		.addHelpText(
			'after',
			`
Credentials come from the standard AWS chain: environment variables, --profile or AWS_PROFILE,
IAM Identity Center (SSO), AWS CloudShell, or an instance role. Only read calls are ever made.

Examples:
  sre-lab check lab1
  sre-lab check lab1 --region eu-west-1 --save-snapshot lab1-snapshot.json
  sre-lab check lab1 --from-snapshot lab1-snapshot.json --junit lab1.xml`,
		)
		.action((labId: string, options: CheckOptions) => runCheck(labId, options, context));
}
