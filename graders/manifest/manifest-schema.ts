import { z } from 'zod';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One thing the grader verifies. Ids are stable: results, gradebooks and reports refer to them. */
export const ManifestCheckSchema = z.strictObject({
	id: z.string().regex(kebabCase, 'check ids are kebab-case, e.g. "alarm-notifies-topic"'),
	title: z.string().min(1),
	/** The number of the lab step this check verifies, as shown on the lab's page. */
	step: z.number().int().positive(),
	points: z.number().int().nonnegative(),
	dependsOn: z.array(z.string()).default([]),
	/** What to do when the check fails; shown by the grader and on the lab page. */
	hint: z.string().min(1),
});

/** A duration such as `30m`, `24h` or `7d` (see graders/engine/duration.ts). */
const durationText = z.string().regex(/^\d+[mhd]$/, 'a duration such as 30m, 24h or 7d');

/**
 * A lab manifest: the single source of truth for a lab's checks, read by the grader and by the
 * lab's web page. Cross-field rules (unique ids, known prerequisites, no cycles, prerequisites
 * never on a later step) are checked here so a broken manifest fails the site build and the tests.
 */
export const LabManifestSchema = z
	.strictObject({
		id: z.string().regex(/^lab\d+$/, 'lab ids look like "lab1"'),
		title: z.string().min(1),
		summary: z.string().min(1),
		defaultSince: durationText,
		checks: z.array(ManifestCheckSchema).min(1),
	})
	.superRefine((manifest, ctx) => {
		const byId = new Map(manifest.checks.map((check) => [check.id, check]));
		if (byId.size !== manifest.checks.length) {
			ctx.addIssue({ code: 'custom', message: 'check ids must be unique', path: ['checks'] });
		}
		manifest.checks.forEach((check, index) => {
			for (const dependency of check.dependsOn) {
				const prerequisite = byId.get(dependency);
				if (!prerequisite) {
					ctx.addIssue({
						code: 'custom',
						message: `"${check.id}" depends on unknown check "${dependency}"`,
						path: ['checks', index, 'dependsOn'],
					});
				} else if (prerequisite.step > check.step) {
					ctx.addIssue({
						code: 'custom',
						message: `"${check.id}" (step ${check.step}) depends on "${dependency}" from a later step`,
						path: ['checks', index, 'dependsOn'],
					});
				}
			}
		});
		const cycle = findDependencyCycle(manifest.checks);
		if (cycle) {
			ctx.addIssue({ code: 'custom', message: `dependency cycle: ${cycle.join(' → ')}`, path: ['checks'] });
		}
	});

export type LabManifestInput = z.input<typeof LabManifestSchema>;
export type LabManifest = z.output<typeof LabManifestSchema>;
export type ManifestCheck = z.output<typeof ManifestCheckSchema>;

function findDependencyCycle(checks: readonly { id: string; dependsOn: readonly string[] }[]): string[] | null {
	const edges = new Map(checks.map((check) => [check.id, check.dependsOn]));
	const done = new Set<string>();
	const visit = (id: string, path: string[]): string[] | null => {
		if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
		if (done.has(id)) return null;
		for (const next of edges.get(id) ?? []) {
			const cycle = visit(next, [...path, id]);
			if (cycle) return cycle;
		}
		done.add(id);
		return null;
	};
	for (const check of checks) {
		const cycle = visit(check.id, []);
		if (cycle) return cycle;
	}
	return null;
}
