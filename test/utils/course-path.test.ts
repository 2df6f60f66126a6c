import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { continueStep, type ProgressSections, pathSteps } from '../../src/utils/continue-path.ts';
import { type CoursePageMeta, courseDayGroups, learnerPath, readCoursePages } from '../../src/utils/course-sidebar.ts';
import { labBadges, moduleMetaParts, serviceList } from '../../src/utils/page-meta.ts';

const docsDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

/** The agenda of the three day pages, written out by hand: the path must follow it. */
const agenda = [
	'day-1',
	'day-1/what-is-sre',
	'day-1/production-environment',
	'day-1/reliability-in-the-lifecycle',
	'day-1/slis-slos-error-budgets',
	'labs/lab1',
	'day-1/eliminating-toil',
	'labs/lab2',
	'quizzes/day-1',
	'day-2',
	'day-2/monitoring-distributed-systems',
	'day-2/cloudwatch-and-xray',
	'day-2/capacity-planning',
	'day-2/alerting',
	'labs/lab3',
	'quizzes/day-2',
	'day-3',
	'day-3/incident-response',
	'day-3/configuration-management',
	'labs/lab4',
	'day-3/release-engineering',
	'day-3/devops-culture',
	'quizzes/day-3',
	'finished',
];

describe('the course path built from frontmatter', () => {
	const groups = courseDayGroups(readCoursePages(docsDir));

	it('follows the agenda: each lab after the module that leads into it, the day quiz last, then "You have finished"', () => {
		expect(learnerPath(groups)).toEqual(agenda);
	});

	it('labels overviews "Day N overview", numbers modules and names quizzes by day', () => {
		const labels = groups.flatMap((group) => group.items.map((item) => item.label));
		expect(labels).toContain('Day 2 overview');
		expect(labels).toContain('7. CloudWatch and X-Ray in depth');
		expect(labels).toContain('Lab 1: SLIs, SLOs and error budgets');
		expect(labels).toContain('Day 3 quiz');
		expect(labels.at(-1)).toBe('You have finished');
		expect(groups.map((group) => group.label)).toEqual([
			'Day 1 · SRE principles',
			'Day 2 · Monitoring and reliability',
			'Day 3 · Incidents and delivery',
		]);
	});

	it('puts a lab that no module leads into at the end of its day, before the quiz', () => {
		const pages: CoursePageMeta[] = [
			{ slug: 'day-1', title: 'Day 1', day: 1 },
			{ slug: 'day-1/m', title: 'M', day: 1, module: 1, lab: 'lab1' },
			{ slug: 'labs/lab1', title: 'Lab 1', day: 1 },
			{ slug: 'labs/lab4', title: 'Lab 4', day: 1 },
			{ slug: 'quizzes/day-1', title: 'Quiz', day: 1 },
			{ slug: 'finished', title: 'Done' },
		];
		expect(learnerPath(courseDayGroups(pages))).toEqual([
			'day-1',
			'day-1/m',
			'labs/lab1',
			'labs/lab4',
			'quizzes/day-1',
			'finished',
		]);
	});

	it('names the missing page when a module leads into a lab that does not exist', () => {
		const pages: CoursePageMeta[] = [
			{ slug: 'day-1', title: 'Day 1', day: 1 },
			{ slug: 'day-1/m', title: 'M', day: 1, module: 1, lab: 'lab9' },
			{ slug: 'quizzes/day-1', title: 'Quiz', day: 1 },
			{ slug: 'finished', title: 'Done' },
		];
		expect(() => courseDayGroups(pages)).toThrow(/labs\/lab9.*missing/);
	});
});

describe('continue where you left off', () => {
	const steps = pathSteps(courseDayGroups(readCoursePages(docsDir)));
	const empty: ProgressSections = { pages: {}, quizzes: {}, labs: {} };
	const at = '2026-11-26T10:00:00.000Z';

	it('offers nothing before any progress', () => {
		expect(continueStep(steps, empty)).toBeUndefined();
	});

	it('goes to the lab after module 4 is read, and to module 5 once Lab 1 is done', () => {
		const afterModule4 = { ...empty, pages: { 'day-1/slis-slos-error-budgets': { readAt: at } } };
		expect(continueStep(steps, afterModule4)?.slug).toBe('labs/lab1');
		const afterLab1 = { ...afterModule4, labs: { lab1: { doneAt: at } } };
		expect(continueStep(steps, afterLab1)?.slug).toBe('day-1/eliminating-toil');
	});

	it('continues from the furthest step, skips overviews, and counts a lab the grader passed', () => {
		const progress = {
			...empty,
			pages: { 'day-1/what-is-sre': { readAt: at } },
			quizzes: { 'day-1': { answers: {}, score: 8, maxScore: 10, completedAt: at, attempts: 1 } },
		};
		expect(continueStep(steps, progress)?.slug).toBe('day-2/monitoring-distributed-systems');
		const graded = {
			...empty,
			labs: { lab3: { grader: { score: 60, maxScore: 60, outcome: 'pass' as const, gradedAt: at } } },
		};
		expect(continueStep(steps, graded)?.slug).toBe('quizzes/day-2');
		const failed = {
			...empty,
			labs: { lab3: { grader: { score: 10, maxScore: 60, outcome: 'fail' as const, gradedAt: at } } },
		};
		expect(continueStep(steps, failed)).toBeUndefined();
	});

	it('ends on "You have finished" after the last quiz', () => {
		const progress = {
			...empty,
			quizzes: { 'day-3': { answers: {}, score: 7, maxScore: 8, completedAt: at, attempts: 2 } },
		};
		expect(continueStep(steps, progress)).toMatchObject({ slug: 'finished', label: 'You have finished' });
	});
});

describe('page meta wording', () => {
	it('reads "Day 2 · Module 7 of 13 · 90 min · services" for a module and nothing for other pages', () => {
		expect(
			moduleMetaParts({ day: 2, module: 7, durationMinutes: 90, awsServices: ['CloudWatch', 'X-Ray'] }, 13).join(' · '),
		).toBe('Day 2 · Module 7 of 13 · 90 min · CloudWatch, X-Ray');
		expect(moduleMetaParts({ day: 1, durationMinutes: 20 }, 13)).toEqual([]);
	});

	it('shortens long service lists but never hides just one name', () => {
		expect(serviceList(['A', 'B', 'C', 'D'])).toBe('A, B, C, D');
		expect(serviceList(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 more');
	});

	it('gives a lab its time, cost, Region and services badges', () => {
		expect(
			labBadges({ durationMinutes: 90, costNote: 'under US $1', awsServices: ['EC2', 'CloudShell', 'SNS'] }),
		).toEqual([
			{ label: 'Time', value: 'about 90 min' },
			{ label: 'Cost', value: 'under US $1' },
			{ label: 'Region', value: 'your course Region' },
			{ label: 'Services', value: 'EC2, SNS' },
		]);
	});
});
