/**
 * The grader engine's contract. Data flows one way:
 * lab manifest → collectors → snapshot → checks → results → outputs.
 * Collectors are the only code that talks to AWS; checks and outputs only see plain data.
 */
import type { ClientProvider } from './clients.ts';
import type { DeclaredReads } from './declared-reads.ts';

export type CheckStatus = 'pass' | 'fail' | 'error' | 'skipped';

/** Why a read could not be made. "Could not read" is never the same as "found nothing". */
export type ReadErrorKind =
	| 'access-denied'
	| 'throttled'
	| 'not-implemented'
	| 'credentials'
	| 'region'
	| 'network'
	| 'other';

export interface ReadError {
	kind: ReadErrorKind;
	/** Service as IAM names it, e.g. `ec2`, `logs`. */
	service: string;
	/** API operation, e.g. `DescribeInstances`. */
	operation: string;
	/** The IAM action that was missing or failed, e.g. `ec2:DescribeInstances`. */
	action?: string;
	message: string;
}

export type ReadOutcome<T> = { ok: true; data: T } | { ok: false; error: ReadError };

/** A per-resource fan-out read (one call per log group, per role…) keyed by resource id. */
export type PerResource<T> = Record<string, ReadOutcome<T>>;

export interface TimeWindow {
	/** ISO 8601; time-based checks compare timestamps to this, never to "now". */
	since: string;
	until: string;
}

export interface CollectContext {
	clients: ClientProvider;
	region: string;
	window: TimeWindow;
	/** Data of a collector listed in `needs`; throws ReadFailed when that read failed. */
	need<T>(collectorId: string): T;
}

/** A read; `operations` (from DeclaredReads) is only needed when the SDK operations differ from `iamActions`. */
export interface Collector<T = unknown> extends DeclaredReads {
	/** e.g. `ec2.instances` — the key in snapshot.reads. */
	id: string;
	description: string;
	/** e.g. `['ec2:DescribeInstances']` — the grader's IAM policy is generated from these. */
	iamActions: readonly string[];
	/** Collector ids whose data this one reads (dependent reads). */
	needs?: readonly string[];
	collect(ctx: CollectContext): Promise<T>;
}

export interface Snapshot {
	format: 'sre-lab-snapshot';
	version: 1;
	accountId: string | null;
	region: string;
	/** ISO 8601 */
	collectedAt: string;
	/** The time window used by time-based reads and checks. */
	window: TimeWindow;
	/** Keyed by collector id. */
	reads: Record<string, ReadOutcome<unknown>>;
}

/** What a check sees: the snapshot, with reads that throw ReadFailed instead of returning errors. */
export interface SnapshotView {
	readonly accountId: string | null;
	readonly region: string;
	readonly window: TimeWindow;
	/** The data of a read; throws ReadFailed when the read failed or is missing. */
	read<T>(collectorId: string): T;
	/** The raw outcome, for reads a check can do without (undefined when not collected). */
	outcome<T>(collectorId: string): ReadOutcome<T> | undefined;
	/**
	 * States that the running check's verdict does not depend on a failed read it looked at, and why
	 * (e.g. "a log group without metric filters cannot hold the counting filter"). A `fail` that looked
	 * at any failed read not set aside is graded `error` (see engine/evaluate.ts). Set aside only what
	 * no verdict of the check could depend on; the reason is for the reviewer, in the learner's terms.
	 */
	setAside(failedRead: ReadError, because: string): void;
}

export interface CheckVerdict {
	status: 'pass' | 'fail';
	message: string;
	evidence?: string[];
}

export interface CheckDefinition {
	/** Matches the manifest check id. */
	id: string;
	/** Collector ids it needs. */
	reads: readonly string[];
	/** Pure: the same snapshot always gives the same verdict. */
	evaluate(snapshot: SnapshotView): CheckVerdict;
}

export interface CheckResult {
	id: string;
	title: string;
	step: number;
	points: number;
	earned: number;
	status: CheckStatus;
	message: string;
	hint?: string;
	evidence: string[];
}

export type LabOutcome = 'pass' | 'fail' | 'error';

export interface LabResult {
	format: 'sre-lab-result';
	version: 1;
	lab: string;
	title: string;
	accountId: string | null;
	region: string;
	gradedAt: string;
	collectedAt: string;
	score: number;
	maxScore: number;
	outcome: LabOutcome;
	checks: CheckResult[];
}
