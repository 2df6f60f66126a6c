/**
 * Which modules each course day teaches (see COURSE.md). The end-of-day quizzes and the progress page
 * group modules by day; keeping the mapping in one place means a module moved between days moves
 * everywhere at once.
 */
export const courseDays = [
	{ day: 1, title: 'Introduction to SRE and core principles', modules: [1, 2, 3, 4, 5] },
	{ day: 2, title: 'Monitoring, automation and reliability practices', modules: [6, 7, 8, 9] },
	{ day: 3, title: 'Incident management and advanced topics', modules: [10, 11, 12, 13] },
] as const;

export type CourseDay = (typeof courseDays)[number];
export type CourseDayNumber = CourseDay['day'];

export function dayOfModule(module: number): CourseDayNumber | undefined {
	return courseDays.find((day) => (day.modules as readonly number[]).includes(module))?.day;
}

/** Storage and export key of a module's quiz: `module-04`. Padded so keys sort in course order. */
export function moduleQuizId(module: number): string {
	return `module-${String(module).padStart(2, '0')}`;
}

/** Storage and export key of an end-of-day quiz: `day-2`. */
export function dayQuizId(day: number): string {
	return `day-${day}`;
}
