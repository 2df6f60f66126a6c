import type { AgendaDay } from '../utils/agenda-schedule.ts';

/**
 * The instructor-led schedule of the three days. Sessions that name a module or lab page and give no
 * minutes last as long as that page's `durationMinutes` says (see utils/agenda-schedule.ts): change a
 * lab's time on the lab page and every agenda follows. Lab 2 is started at the end of Day 1, so that
 * the fleet registers with Systems Manager overnight, and finished on the morning of Day 2. Lab 4 follows
 * module 11 on Day 3, whose steps 5 and 6 (drift, AWS Config) it practises, so module 10's game day is fresh too.
 */
export const courseAgenda: readonly AgendaDay[] = [
	{
		day: 1,
		start: '09:00',
		sessions: [
			{
				title: 'Welcome, course goals and a check of your sandbox',
				minutes: 20,
				page: 'prepare-sandbox',
				linkText: 'Prepare your AWS sandbox',
			},
			{ title: 'Module 1: What SRE is', page: 'day-1/what-is-sre', linkText: 'What SRE is' },
			{ title: 'Break', minutes: 10 },
			{
				title: "Module 2: The production environment from an SRE's view",
				page: 'day-1/production-environment',
				linkText: 'The production environment',
			},
			{
				title: 'Module 3: Reliability in the software lifecycle',
				page: 'day-1/reliability-in-the-lifecycle',
				linkText: 'Reliability in the software lifecycle',
			},
			{ title: 'Lunch', minutes: 45 },
			{
				title: 'Module 4: SLIs, SLOs, SLAs and error budgets',
				page: 'day-1/slis-slos-error-budgets',
				linkText: 'SLIs, SLOs, SLAs and error budgets',
			},
			{ title: 'Lab 1: SLIs, SLOs and error budgets', page: 'labs/lab1', linkText: 'Lab 1' },
			{ title: 'Break', minutes: 10 },
			{ title: 'Module 5: Eliminating toil', page: 'day-1/eliminating-toil', linkText: 'Eliminating toil' },
			{
				title: 'Lab 2: Automating toil, steps 1–2 (the fleet registers overnight)',
				page: 'labs/lab2',
				linkText: 'Lab 2',
				part: 20,
			},
			{ title: 'Day 1 quiz and key takeaways', minutes: 15, page: 'quizzes/day-1', linkText: 'Day 1 quiz' },
		],
	},
	{
		day: 2,
		start: '09:00',
		sessions: [
			{ title: 'Recap of Day 1', minutes: 10 },
			{ title: 'Lab 2: Automating toil, steps 3–8', page: 'labs/lab2', linkText: 'Lab 2', part: 'rest' },
			{
				title: 'Module 6: Monitoring distributed systems',
				page: 'day-2/monitoring-distributed-systems',
				linkText: 'Monitoring distributed systems',
			},
			{ title: 'Break', minutes: 10 },
			{
				title: 'Module 7: CloudWatch and X-Ray in depth',
				page: 'day-2/cloudwatch-and-xray',
				linkText: 'CloudWatch and X-Ray in depth',
			},
			{ title: 'Lunch', minutes: 45 },
			{
				title: 'Module 8: Capacity planning and efficiency',
				page: 'day-2/capacity-planning',
				linkText: 'Capacity planning and efficiency',
			},
			{ title: 'Module 9: Alerting best practices', page: 'day-2/alerting', linkText: 'Alerting best practices' },
			{ title: 'Break', minutes: 10 },
			{ title: 'Lab 3: Monitoring a distributed application', page: 'labs/lab3', linkText: 'Lab 3' },
			{ title: 'Day 2 quiz and key takeaways', minutes: 15, page: 'quizzes/day-2', linkText: 'Day 2 quiz' },
		],
	},
	{
		day: 3,
		start: '09:00',
		sessions: [
			{ title: 'Recap of Day 2 and questions on Lab 3', minutes: 10, page: 'labs/lab3', linkText: 'Lab 3' },
			{ title: 'Module 10: Incident response', page: 'day-3/incident-response', linkText: 'Incident response' },
			{ title: 'Break', minutes: 10 },
			{
				title: 'Module 11: Configuration management',
				page: 'day-3/configuration-management',
				linkText: 'Configuration management',
			},
			{ title: 'Lunch', minutes: 45 },
			{ title: 'Lab 4: Game day', page: 'labs/lab4', linkText: 'Lab 4' },
			{ title: 'Break', minutes: 10 },
			{
				title: 'Module 12: Continuous integration and release engineering',
				page: 'day-3/release-engineering',
				linkText: 'Continuous integration and release engineering',
			},
			{
				title: 'Module 13: DevOps culture at scale',
				page: 'day-3/devops-culture',
				linkText: 'DevOps culture at scale',
			},
			{ title: 'Day 3 quiz', minutes: 15, page: 'quizzes/day-3', linkText: 'Day 3 quiz' },
			{ title: 'Course wrap-up: key takeaways, your action plan, open Q&A', minutes: 20 },
		],
	},
];
