import { parse } from 'csv-parse/sync';
import { accountOfRoleArn, graderRoleArn } from './aws-identifiers.ts';
import { maxRosterLearners } from './roster-limits.ts';
import { type RosterRow, RosterRowSchema, requiredRosterColumns, rosterColumns } from './roster-schema.ts';

/** Values used when a roster row leaves an optional column empty (from --role-name, --region, --external-id). */
export interface RosterDefaults {
	roleName: string;
	region?: string;
	externalId?: string;
}

/** A learner ready to be graded: every field resolved, defaults applied. */
export interface RosterEntry {
	line: number;
	learnerId: string;
	name: string;
	email: string;
	accountId: string;
	roleArn: string;
	region: string;
	externalId: string;
}

export interface RosterProblem {
	line: number;
	reason: string;
}

export interface RosterParseResult<Entry = RosterEntry> {
	entries: Entry[];
	problems: RosterProblem[];
}

/** Who a roster row names, without how to reach their account: enough to enrol them in a cohort. */
export interface RosterLearner {
	line: number;
	learnerId: string;
	name: string;
	email: string;
	accountId: string;
}

interface ParsedRecord {
	record: string[];
	info: { lines: number };
	raw: string;
}

/**
 * Validates a whole roster for grading and reports every bad row, not just the first, so an
 * instructor can fix the file in one pass. Rows with problems are left out of `entries`.
 */
export function parseRoster(text: string, defaults: RosterDefaults): RosterParseResult {
	return validateRoster(text, (value, line, reasons) => {
		const region = value.region ?? defaults.region;
		if (!region) reasons.push('no region: fill the region column or pass --region');
		const externalId = value.external_id ?? defaults.externalId;
		if (!externalId) reasons.push('no external_id: fill the external_id column or pass --external-id');
		if (!region || !externalId) return undefined;
		return {
			line,
			learnerId: value.learner_id,
			name: value.name,
			email: value.email,
			accountId: value.account_id,
			roleArn: value.role_arn ?? graderRoleArn(value.account_id, defaults.roleName, region),
			region,
			externalId,
		};
	});
}

/**
 * Validates a roster for enrolling its learners only (e.g. to import quiz progress before the first
 * grading): the same checks as for grading, except that no region or external id is needed yet.
 */
export function parseRosterLearners(text: string): RosterParseResult<RosterLearner> {
	return validateRoster(text, (value, line) => ({
		line,
		learnerId: value.learner_id,
		name: value.name,
		email: value.email,
		accountId: value.account_id,
	}));
}

/**
 * The checks every use of a roster shares: CSV syntax, header, each row's fields, duplicates.
 * `resolve` adds its own reasons for a row, or returns its entry.
 */
function validateRoster<Entry>(
	text: string,
	resolve: (value: RosterRow, line: number, reasons: string[]) => Entry | undefined,
): RosterParseResult<Entry> {
	let records: ParsedRecord[];
	try {
		records = parse(text, {
			bom: true,
			info: true,
			raw: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
			// The header, the most learners a roster may hold and one more, which is enough to refuse it.
			to: maxRosterLearners + 2,
		}) as unknown as ParsedRecord[];
	} catch (error) {
		// A broken quote makes the rest of the file ambiguous, so this is the one problem we stop at.
		const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
		return { entries: [], problems: [{ line, reason: `the file is not valid CSV: ${(error as Error).message}` }] };
	}

	const [header, ...rows] = records;
	if (!header) return { entries: [], problems: [{ line: 1, reason: 'the roster is empty: expected a header line' }] };
	const beyondLimit = rows[maxRosterLearners];
	if (beyondLimit) {
		const limit = maxRosterLearners.toLocaleString('en');
		return {
			entries: [],
			problems: [
				{
					line: firstLineOf(beyondLimit),
					reason: `learner ${(maxRosterLearners + 1).toLocaleString('en')}: a roster holds at most ${limit} learners; split the cohort into several rosters (each one is its own cohort)`,
				},
			],
		};
	}

	const headerProblems = checkHeader(header.record, firstLineOf(header));
	if (headerProblems.length > 0) return { entries: [], problems: headerProblems };

	const columns = header.record.map((name) => name.toLowerCase());
	const entries: Entry[] = [];
	const problems: RosterProblem[] = [];
	const firstLineByLearner = new Map<string, number>();
	const firstLineByAccount = new Map<string, number>();

	for (const row of rows) {
		const line = firstLineOf(row);
		if (row.record.length !== columns.length) {
			problems.push({ line, reason: `expected ${columns.length} fields, found ${row.record.length}` });
			continue;
		}
		const cells = Object.fromEntries(columns.map((column, index) => [column, row.record[index] ?? '']));
		const parsed = RosterRowSchema.safeParse(cells);
		if (!parsed.success) {
			problems.push({ line, reason: parsed.error.issues.map((issue) => issue.message).join('; ') });
			continue;
		}
		const value = parsed.data;
		const reasons: string[] = [];
		const entry = resolve(value, line, reasons);
		if (value.role_arn && accountOfRoleArn(value.role_arn) !== value.account_id) {
			reasons.push(`role_arn belongs to account ${accountOfRoleArn(value.role_arn)}, not ${value.account_id}`);
		}
		const learnerSeen = firstLineByLearner.get(value.learner_id);
		if (learnerSeen !== undefined)
			reasons.push(`learner_id ${value.learner_id} already appears on line ${learnerSeen}`);
		const accountSeen = firstLineByAccount.get(value.account_id);
		if (accountSeen !== undefined)
			reasons.push(`account_id ${value.account_id} already appears on line ${accountSeen}`);

		if (learnerSeen === undefined) firstLineByLearner.set(value.learner_id, line);
		if (accountSeen === undefined) firstLineByAccount.set(value.account_id, line);

		if (reasons.length > 0 || entry === undefined) {
			problems.push({ line, reason: reasons.join('; ') });
			continue;
		}
		entries.push(entry);
	}
	if (rows.length === 0) problems.push({ line: 2, reason: 'the roster has a header but no learners' });
	return { entries, problems };
}

function checkHeader(names: string[], line: number): RosterProblem[] {
	const lower = names.map((name) => name.toLowerCase());
	const problems: RosterProblem[] = [];
	const missing = requiredRosterColumns.filter((column) => !lower.includes(column));
	if (missing.length > 0) {
		problems.push({
			line,
			reason: `missing column(s) ${missing.join(', ')}; the header must name ${requiredRosterColumns.join(',')}`,
		});
	}
	const unknown = lower.filter((name) => !rosterColumns.includes(name));
	if (unknown.length > 0) {
		problems.push({ line, reason: `unknown column(s) ${unknown.join(', ')}; allowed: ${rosterColumns.join(', ')}` });
	}
	const duplicated = lower.filter((name, index) => lower.indexOf(name) !== index);
	if (duplicated.length > 0) problems.push({ line, reason: `column(s) named twice: ${duplicated.join(', ')}` });
	return problems;
}

// csv-parse reports the line a record ends on; a quoted field may span lines, and the line an
// instructor looks for in an editor is the one the record starts on.
function firstLineOf(record: ParsedRecord): number {
	// The raw text also carries the blank lines skipped before the record; they are not part of it.
	const trimmed = record.raw.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)$/, '');
	const innerBreaks = trimmed.match(/\r\n|\n|\r/g)?.length ?? 0;
	return record.info.lines - innerBreaks;
}

export function formatRosterProblems(file: string, problems: readonly RosterProblem[]): string {
	return problems.map((problem) => `${file}:${problem.line}: ${problem.reason}`).join('\n');
}
