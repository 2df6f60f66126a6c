import { describe, expect, it } from 'vitest';
import { isDue } from '../../../labs/lab2/cleanup-function/delete-after.mjs';
import { planSeedSnapshots, seedTags } from '../../../labs/lab2/seed-plan.mjs';

describe('seed plan', () => {
	const now = new Date('2026-11-22T09:30:00Z');
	const plan = planSeedSnapshots(now);

	it('dates the snapshots a week and two days back and a week and a month ahead', () => {
		expect(plan.map((seed) => seed.deleteAfter)).toEqual([
			'2026-11-15',
			'2026-11-20',
			'2026-11-29',
			'2026-12-22',
			null,
		]);
	});

	it('tags every snapshot for the lab, and only dated ones with DeleteAfter', () => {
		for (const seed of plan) {
			const tags = seedTags(seed);
			expect(tags).toContainEqual({ Key: 'sre-lab', Value: 'lab2' });
			expect(tags.some((tag) => tag.Key === 'DeleteAfter')).toBe(seed.deleteAfter !== null);
		}
	});

	it('expects exactly what the cleanup function decides', () => {
		for (const seed of plan) {
			const decision = isDue(seedTags(seed), now);
			expect(decision.due ? 'deleted' : 'kept').toBe(seed.expected);
		}
	});
});
