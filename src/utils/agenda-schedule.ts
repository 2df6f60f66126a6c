/**
 * Turns a day's list of sessions into a timed agenda. A session that names a course page and gives no
 * length of its own lasts as long as that page's `durationMinutes` frontmatter says, so a module's or a
 * lab's time is written once, on its own page, and the day overviews and the lab pages can never
 * disagree. A lab spread over two days gives its first share in minutes and marks the other as the
 * rest, which is computed from the lab page's total.
 */

export interface AgendaSession {
	/** What happens, as the agenda's Session column says it. */
	title: string;
	/** Course page id (e.g. `day-1/what-is-sre`, `labs/lab1`) the session links to. */
	page?: string;
	/** Link text for the page; the row shows "–" when the session has no page. */
	linkText?: string;
	/** A fixed length for sessions that are not timed by a page (breaks, welcome, recaps). */
	minutes?: number;
	/** For a lab spread over two days: this sitting's minutes, or `rest` for what the other sittings leave. */
	part?: number | 'rest';
}

export interface AgendaDay {
	day: number;
	/** Start of the day, `HH:MM`. */
	start: string;
	sessions: readonly AgendaSession[];
}

export interface ScheduledSession extends AgendaSession {
	minutes: number;
	/** True when the session is time spent on its page (its length, or a share of it), not a fixed slot. */
	onPage: boolean;
	/** `HH:MM`. */
	from: string;
	/** `HH:MM`. */
	to: string;
}

export interface ScheduledDay {
	day: number;
	sessions: ScheduledSession[];
}

/** Planned minutes of a course page, from its frontmatter; undefined when the page declares none. */
export type PageDuration = (pageId: string) => number | undefined;

function clockToMinutes(clock: string): number {
	const match = clock.match(/^(\d{2}):(\d{2})$/);
	if (!match) throw new Error(`Agenda: start time "${clock}" is not HH:MM.`);
	return Number(match[1]) * 60 + Number(match[2]);
}

export function minutesToClock(minutes: number): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pageMinutes(page: string | undefined, title: string, durationOf: PageDuration): number {
	const minutes = page ? durationOf(page) : undefined;
	if (minutes === undefined) {
		throw new Error(
			`Agenda session "${title}" takes its length from ${page ? `the page ${page}` : 'a page'}, which has no durationMinutes in its frontmatter: add it there, or give the session minutes.`,
		);
	}
	return minutes;
}

/** The length of every session of the course, with the rest of a split lab worked out across all days. */
function sessionMinutes(days: readonly AgendaDay[], durationOf: PageDuration) {
	const sharesTaken = new Map<string, number>();
	for (const session of days.flatMap((day) => day.sessions)) {
		if (typeof session.part === 'number' && session.page) {
			sharesTaken.set(session.page, (sharesTaken.get(session.page) ?? 0) + session.part);
		}
	}
	return (session: AgendaSession): number => {
		if (typeof session.part === 'number') return session.part;
		if (session.part === 'rest') {
			const total = pageMinutes(session.page, session.title, durationOf);
			const rest = total - (sharesTaken.get(session.page ?? '') ?? 0);
			if (rest <= 0) {
				throw new Error(
					`Agenda session "${session.title}": the other sittings of ${session.page} already take ${total - rest} of its ${total} minutes.`,
				);
			}
			return rest;
		}
		if (session.minutes !== undefined) return session.minutes;
		return pageMinutes(session.page, session.title, durationOf);
	};
}

export function scheduleCourse(days: readonly AgendaDay[], durationOf: PageDuration): ScheduledDay[] {
	const lengthOf = sessionMinutes(days, durationOf);
	return days.map(({ day, start, sessions }) => {
		let clock = clockToMinutes(start);
		return {
			day,
			sessions: sessions.map((session) => {
				const minutes = lengthOf(session);
				const from = minutesToClock(clock);
				clock += minutes;
				const onPage = session.page !== undefined && session.minutes === undefined;
				return { ...session, minutes, onPage, from, to: minutesToClock(clock) };
			}),
		};
	});
}

/** How a page's time (a lab's, typically) falls across the course days: one entry per day it is worked on. */
export function labSittings(schedule: readonly ScheduledDay[], page: string): { day: number; minutes: number }[] {
	return schedule.flatMap(({ day, sessions }) => {
		const minutes = sessions
			.filter((session) => session.page === page && session.onPage)
			.reduce((sum, session) => sum + session.minutes, 0);
		return minutes > 0 ? [{ day, minutes }] : [];
	});
}
