import { parseDuration } from '../engine/duration.ts';
import type { UngradedLab } from '../gradebook/record-grading.ts';
import { getLab } from '../labs/index.ts';

/** What an attempt row needs for a lab that could not be graded: its title and how many points it has. */
export function ungradedLabs(labIds: readonly string[]): UngradedLab[] {
	return labIds.map((id) => {
		const { manifest } = getLab(id);
		return { lab: id, title: manifest.title, maxScore: manifest.checks.reduce((sum, check) => sum + check.points, 0) };
	});
}

/**
 * One collection serves several labs, so its time window must satisfy the lab that looks back
 * furthest (a 24 h lab and a 7 d lab graded together both get 7 d).
 */
export function widestDefaultWindowMs(labIds: readonly string[]): number {
	const windows = labIds.map((id) => parseDuration(getLab(id).manifest.defaultSince) ?? 0);
	return Math.max(24 * 3_600_000, ...windows);
}
