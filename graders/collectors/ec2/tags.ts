/** EC2-style `[{ Key, Value }]` tags as a plain object, which is what checks want to look up. */
export function tagsToRecord(
	tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
): Record<string, string> {
	const record: Record<string, string> = {};
	for (const tag of tags ?? []) if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
	return record;
}
