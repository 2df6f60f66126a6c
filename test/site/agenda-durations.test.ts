/**
 * One source for session lengths: the day agendas take every module's and lab's minutes from the page's
 * own `durationMinutes`, and the lab pages show that same number through LabDuration, so a day overview
 * and a lab page can no longer disagree (they did: Lab 1 60 vs ~90 minutes, Lab 3 90 vs ~120).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { courseAgenda } from '../../src/data/course-agenda.ts';
import { labSittings, scheduleCourse } from '../../src/utils/agenda-schedule.ts';

const docs = 'src/content/docs';

function pageFile(pageId: string): string | undefined {
	return [`${docs}/${pageId}.mdx`, `${docs}/${pageId}.md`, `${docs}/${pageId}/index.mdx`].find(existsSync);
}

function frontmatter(pageId: string): Record<string, unknown> {
	const file = pageFile(pageId);
	if (!file) return {};
	return parse(readFileSync(file, 'utf8').match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') as Record<string, unknown>;
}

const durationOf = (pageId: string) => {
	const minutes = frontmatter(pageId).durationMinutes;
	return typeof minutes === 'number' ? minutes : undefined;
};

const schedule = scheduleCourse(courseAgenda, durationOf);
const labs = ['lab1', 'lab2', 'lab3', 'lab4'];

describe('course agenda', () => {
	it('links only to pages that exist', () => {
		const missing = courseAgenda
			.flatMap((day) => day.sessions)
			.flatMap((session) => (session.page && !pageFile(session.page) ? [session.page] : []));
		expect(missing).toEqual([]);
	});

	it.each(labs)('gives %s exactly the minutes its page states, across the days it spans', (lab) => {
		const stated = durationOf(`labs/${lab}`);
		expect(stated).toBeGreaterThan(0);
		const sittings = labSittings(schedule, `labs/${lab}`);
		expect(sittings.length).toBeGreaterThan(0);
		expect(sittings.reduce((sum, sitting) => sum + sitting.minutes, 0)).toBe(stated);
	});

	it('times every module as long as its page says', () => {
		const modules = schedule.flatMap((day) => day.sessions).filter((session) => session.title.startsWith('Module'));
		expect(modules).toHaveLength(13);
		for (const session of modules) expect(session.minutes).toBe(durationOf(session.page ?? ''));
	});

	it('keeps each day between 09:00 and 18:00, with no gaps', () => {
		for (const day of schedule) {
			expect(day.sessions[0]?.from).toBe('09:00');
			expect((day.sessions.at(-1)?.to ?? '99:99') <= '18:00').toBe(true);
			day.sessions.slice(1).forEach((session, index) => {
				expect(session.from).toBe(day.sessions[index]?.to);
			});
		}
	});

	it('spreads Lab 2 over the end of Day 1 and the morning of Day 2', () => {
		expect(labSittings(schedule, 'labs/lab2').map((sitting) => sitting.day)).toEqual([1, 2]);
	});

	it('holds Lab 4 on Day 3, after module 11 whose drift detection and AWS Config rules it practises', () => {
		const day3 = schedule.find((day) => day.day === 3)?.sessions ?? [];
		const at = (page: string) => day3.findIndex((session) => session.page === page);
		expect(labSittings(schedule, 'labs/lab4').map((sitting) => sitting.day)).toEqual([3]);
		expect(at('labs/lab4')).toBeGreaterThan(at('day-3/configuration-management'));
		expect(at('labs/lab4')).toBeLessThan(at('day-3/release-engineering'));
	});
});

describe('pages use the one source', () => {
	it.each([1, 2, 3])('the day %i overview renders its agenda from the data, not a hand-written table', (day) => {
		const source = readFileSync(`${docs}/day-${day}/index.mdx`, 'utf8');
		expect(source).toContain(`<DayAgenda day={${day}} />`);
		expect(source).not.toMatch(/^\| *Time *\|/m);
	});

	it.each(labs)('the %s page states its time through LabDuration, never as a hand-written number', (lab) => {
		const source = readFileSync(`${docs}/labs/${lab}.mdx`, 'utf8');
		expect(source).toContain(`<LabDuration lab="${lab}" />`);
		expect(source).not.toMatch(/^- About (\d+ minutes|\w+ hours?)\b/m);
	});
});

describe('the scheduler', () => {
	it('works out the rest of a split lab and the clock times', () => {
		const [first, second] = scheduleCourse(
			[
				{ day: 1, start: '09:00', sessions: [{ title: 'Lab A, part 1', page: 'a', part: 20 }] },
				{
					day: 2,
					start: '08:50',
					sessions: [
						{ title: 'Recap', minutes: 10, page: 'a' },
						{ title: 'Lab A, part 2', page: 'a', part: 'rest' },
					],
				},
			],
			() => 65,
		);
		expect(first?.sessions[0]).toMatchObject({ from: '09:00', to: '09:20', minutes: 20, onPage: true });
		expect(second?.sessions.map((session) => [session.from, session.to, session.onPage])).toEqual([
			['08:50', '09:00', false],
			['09:00', '09:45', true],
		]);
	});

	it('names the session and the page when a page has no durationMinutes', () => {
		expect(() =>
			scheduleCourse([{ day: 1, start: '09:00', sessions: [{ title: 'Module X', page: 'day-1/x' }] }], () => undefined),
		).toThrow(/Module X.*day-1\/x.*durationMinutes/);
	});

	it('refuses a split whose first sittings already use up the lab', () => {
		expect(() =>
			scheduleCourse(
				[
					{
						day: 1,
						start: '09:00',
						sessions: [
							{ title: 'Lab A, part 1', page: 'a', part: 60 },
							{ title: 'Lab A, part 2', page: 'a', part: 'rest' },
						],
					},
				],
				() => 60,
			),
		).toThrow(/already take 60 of its 60 minutes/);
	});
});
