/**
 * The course's labs and the module each one follows (COURSE.md). The progress page shows a lab's
 * status on that module's row; a module page's `lab` frontmatter, when present, takes precedence.
 */
export const courseLabs = [
	{ id: 'lab1', title: 'Lab 1: SLIs, SLOs and error budgets', module: 4 },
	{ id: 'lab2', title: 'Lab 2: Automating toil', module: 5 },
	{ id: 'lab3', title: 'Lab 3: Monitoring a distributed application', module: 9 },
	{ id: 'lab4', title: 'Lab 4: Game day', module: 11 },
] as const;

export type CourseLab = (typeof courseLabs)[number];
export type CourseLabId = CourseLab['id'];

export function labAfterModule(module: number): CourseLab | undefined {
	return courseLabs.find((lab) => lab.module === module);
}
