/**
 * The postmortem sections module 10 teaches, by the normalised names that may head them. Defined next
 * to the OpsItem collector because it decides which operational data entries are kept: only those
 * named after a section, and the related resources (`/aws/resources`).
 */
export const postmortemSections = {
	summary: ['summary'],
	impact: ['impact'],
	timeline: ['timeline'],
	'contributing causes': ['contributingcauses', 'contributingfactors'],
	'action items': ['actionitems'],
} as const;

export type SectionName = keyof typeof postmortemSections;

/** Where OpsCenter keeps an OpsItem's related resources, as JSON `[{"arn": …}]`. */
export const relatedResourcesKey = '/aws/resources';

const normalise = (heading: string) => heading.toLowerCase().replace(/[^a-z]/g, '');

/** The section a heading or an operational data key names (`Action items`, `action-items`), or null. */
export function sectionOf(heading: string): SectionName | null {
	const key = normalise(heading);
	for (const [name, aliases] of Object.entries(postmortemSections) as [SectionName, readonly string[]][]) {
		if (aliases.includes(key)) return name;
	}
	return null;
}

/** Whether the postmortem check reads this operational data entry; any other entry is never stored. */
export function isReadOperationalDataKey(key: string): boolean {
	return key === relatedResourcesKey || sectionOf(key) !== null;
}
