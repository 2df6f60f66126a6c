/**
 * EC2-style `[{ Key, Value }]` tags as a plain object, which is what checks want to look up, keeping
 * only the keys a check reads: a tag can hold anything a learner or their tooling put there (a
 * token, a connection string), and what is never read is never stored.
 */
export function tagsToRecord(
	tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
	keep: readonly string[],
): Record<string, string> {
	const record: Record<string, string> = {};
	for (const tag of tags ?? []) if (tag.Key !== undefined && keep.includes(tag.Key)) record[tag.Key] = tag.Value ?? '';
	return record;
}
