import { getCollection } from 'astro:content';
import { courseAgenda } from '../../data/course-agenda.ts';
import { type ScheduledDay, scheduleCourse } from '../../utils/agenda-schedule.ts';

/**
 * The timed agenda of all three days, with every module's and lab's length read from its own page's
 * `durationMinutes` at build time. A page without one fails the build with the session's name.
 */
export async function getCourseSchedule(): Promise<ScheduledDay[]> {
	const docs = await getCollection('docs');
	const durations = new Map(docs.map((doc) => [doc.id, doc.data.durationMinutes]));
	return scheduleCourse(courseAgenda, (pageId) => durations.get(pageId));
}
