import { describe, expect, it } from 'vitest';
import { formatRosterProblems, parseRoster, parseRosterLearners } from '../../../graders/cohort/roster.ts';

const defaults = { roleName: 'SreLabGrader', region: 'eu-west-1', externalId: 'course-2026-spring' };

describe('parseRoster', () => {
	it('applies the command-line defaults to empty optional cells', () => {
		const text = [
			'learner_id,name,email,account_id,role_arn,region,external_id',
			'ana,Ana Lima,ana@example.org,012345678901,,,',
			'ben,Ben Okafor,ben@example.org,111122223333,arn:aws:iam::111122223333:role/custom/Grader,us-east-2,ben-secret',
		].join('\n');
		const { entries, problems } = parseRoster(text, defaults);
		expect(problems).toEqual([]);
		expect(entries).toEqual([
			{
				line: 2,
				learnerId: 'ana',
				name: 'Ana Lima',
				email: 'ana@example.org',
				accountId: '012345678901',
				roleArn: 'arn:aws:iam::012345678901:role/SreLabGrader',
				region: 'eu-west-1',
				externalId: 'course-2026-spring',
			},
			{
				line: 3,
				learnerId: 'ben',
				name: 'Ben Okafor',
				email: 'ben@example.org',
				accountId: '111122223333',
				roleArn: 'arn:aws:iam::111122223333:role/custom/Grader',
				region: 'us-east-2',
				externalId: 'ben-secret',
			},
		]);
	});

	it('builds the role ARN in the partition of the region', () => {
		const text = 'learner_id,name,email,account_id,region\ncai,Cai,cai@example.org,123456789012,cn-north-1\n';
		expect(parseRoster(text, defaults).entries[0]?.roleArn).toBe('arn:aws-cn:iam::123456789012:role/SreLabGrader');
	});

	it('reports every bad row with its line number and keeps the good ones', () => {
		const text = [
			'learner_id,name,email,account_id,region',
			'ok1,Good One,one@example.org,123456789012,',
			'',
			'zeros,Lost Zeros,z@example.org,12345678901,',
			'mail,Bad Mail,not-an-address,223456789012,',
			'short,Too Few,short@example.org',
			'place,Bad Region,p@example.org,323456789012,mars-1',
			'ok1,Twin,twin@example.org,423456789012,',
			'dupacct,Same Account,d@example.org,123456789012,',
		].join('\n');
		const { entries, problems } = parseRoster(text, defaults);
		expect(entries.map((entry) => entry.learnerId)).toEqual(['ok1']);
		expect(problems).toEqual([
			{ line: 4, reason: expect.stringContaining('must be 12 digits, got 11') },
			{ line: 5, reason: 'email is not a valid address' },
			{ line: 6, reason: 'expected 5 fields, found 3' },
			{ line: 7, reason: 'region is not an AWS region name such as eu-west-1' },
			{ line: 8, reason: 'learner_id ok1 already appears on line 2' },
			{ line: 9, reason: 'account_id 123456789012 already appears on line 2' },
		]);
	});

	it('numbers rows by the line they start on when a quoted field spans lines', () => {
		const text =
			'learner_id,name,email,account_id\n"a1","Ann\nMarie",ann@example.org,123456789012\n\nb2,Bob,bob@,223456789012\n';
		const { entries, problems } = parseRoster(text, defaults);
		expect(entries[0]).toMatchObject({ line: 2, name: 'Ann\nMarie' });
		expect(problems).toEqual([{ line: 5, reason: 'email is not a valid address' }]);
	});

	it('requires an external id and a region from the row or the defaults', () => {
		const text = 'learner_id,name,email,account_id\nana,Ana,ana@example.org,123456789012\n';
		const { problems } = parseRoster(text, { roleName: 'SreLabGrader' });
		expect(problems).toEqual([
			{
				line: 2,
				reason:
					'no region: fill the region column or pass --region; no external_id: fill the external_id column or pass --external-id',
			},
		]);
	});

	it('rejects a role ARN that points at another account', () => {
		const text =
			'learner_id,name,email,account_id,role_arn\nana,Ana,ana@example.org,123456789012,arn:aws:iam::999999999999:role/SreLabGrader\n';
		expect(parseRoster(text, defaults).problems).toEqual([
			{ line: 2, reason: 'role_arn belongs to account 999999999999, not 123456789012' },
		]);
	});

	it('rejects a header with missing or unknown columns before looking at rows', () => {
		const text = 'learner_id,name,acount_id\nana,Ana,123456789012\n';
		const { entries, problems } = parseRoster(text, defaults);
		expect(entries).toEqual([]);
		expect(problems).toEqual([
			{ line: 1, reason: expect.stringContaining('missing column(s) email, account_id') },
			{ line: 1, reason: expect.stringContaining('unknown column(s) acount_id') },
		]);
	});

	it('stops at a broken quote and names its line', () => {
		const text = 'learner_id,name,email,account_id\nana,"Ana"x,ana@example.org,123456789012\n';
		const { problems } = parseRoster(text, defaults);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('not valid CSV') });
	});

	it('handles a byte-order mark and Windows line endings', () => {
		const text = '\uFEFFlearner_id,name,email,account_id\r\nana,Ana,ana@example.org,123456789012\r\n';
		expect(parseRoster(text, defaults).entries).toHaveLength(1);
	});

	it('complains about an empty roster', () => {
		expect(parseRoster('', defaults).problems).toEqual([
			{ line: 1, reason: 'the roster is empty: expected a header line' },
		]);
		expect(parseRoster('learner_id,name,email,account_id\n', defaults).problems).toEqual([
			{ line: 2, reason: 'the roster has a header but no learners' },
		]);
	});
});

describe('parseRosterLearners', () => {
	it('enrols learners without a region or external id, with the same row checks as grading', () => {
		const text = [
			'learner_id,name,email,account_id,role_arn',
			'ana,Ana Lima,ana@example.org,012345678901,',
			'ana,Ana Again,ana2@example.org,111122223333,',
			'ben,Ben,ben@example.org,222233334444,arn:aws:iam::999999999999:role/SreLabGrader',
		].join('\n');
		expect(parseRosterLearners(text)).toEqual({
			entries: [{ line: 2, learnerId: 'ana', name: 'Ana Lima', email: 'ana@example.org', accountId: '012345678901' }],
			problems: [
				{ line: 3, reason: 'learner_id ana already appears on line 2' },
				{ line: 4, reason: 'role_arn belongs to account 999999999999, not 222233334444' },
			],
		});
	});
});

describe('formatRosterProblems', () => {
	it('prints file:line: reason, one per line', () => {
		expect(formatRosterProblems('cohort.csv', [{ line: 3, reason: 'email is not a valid address' }])).toBe(
			'cohort.csv:3: email is not a valid address',
		);
	});
});
