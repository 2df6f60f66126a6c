// @ts-check
/**
 * What the seeding script creates, as data: two snapshots already due for deletion, two that are not due
 * yet, and one without a DeleteAfter tag. A correct cleanup leaves exactly the last three.
 * Past dates are whole days back so that the grader's grace period (a scheduled function may not have run
 * since a snapshot became due) can never hide them.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ name: string, deleteAfter: string | null, expected: 'deleted' | 'kept' }} SeedSnapshot
 */

/**
 * @param {Date} now
 * @returns {SeedSnapshot[]}
 */
export function planSeedSnapshots(now) {
	/** @param {number} days */
	const dateInDays = (days) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
	return [
		{ name: 'lab2-expired-a-week-ago', deleteAfter: dateInDays(-7), expected: 'deleted' },
		{ name: 'lab2-expired-two-days-ago', deleteAfter: dateInDays(-2), expected: 'deleted' },
		{ name: 'lab2-keep-one-week', deleteAfter: dateInDays(7), expected: 'kept' },
		{ name: 'lab2-keep-one-month', deleteAfter: dateInDays(30), expected: 'kept' },
		{ name: 'lab2-keep-no-date', deleteAfter: null, expected: 'kept' },
	];
}

/**
 * The EC2 tags of one seeded snapshot.
 * @param {SeedSnapshot} seed
 */
export function seedTags(seed) {
	const tags = [
		{ Key: 'sre-lab', Value: 'lab2' },
		{ Key: 'Name', Value: seed.name },
	];
	if (seed.deleteAfter !== null) tags.push({ Key: 'DeleteAfter', Value: seed.deleteAfter });
	return tags;
}
