import type { OpsItemDetail } from '../../../collectors/ssm/lab4-ops-items.ts';
import {
	postmortemSections,
	relatedResourcesKey,
	type SectionName,
	sectionOf,
} from '../../../collectors/ssm/postmortem-sections.ts';

export { postmortemSections, type SectionName };

/**
 * The text under each known section: Markdown headings (`#` to `####`) in the description, or an
 * operational data entry named after the section (e.g. `timeline`, `action-items`).
 */
export function sectionsOf(item: Pick<OpsItemDetail, 'description' | 'operationalData'>): Map<SectionName, string> {
	const sections = new Map<SectionName, string>();
	let current: SectionName | null = null;
	let lines: string[] = [];
	const close = () => {
		if (current && !sections.has(current)) sections.set(current, lines.join('\n').trim());
	};
	for (const line of item.description.split(/\r?\n/)) {
		const heading = /^\s{0,3}#{1,4}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading?.[1]) {
			close();
			current = sectionOf(heading[1]);
			lines = [];
		} else if (current) {
			lines.push(line);
		}
	}
	close();
	for (const [key, value] of Object.entries(item.operationalData)) {
		const name = sectionOf(key);
		if (name && !sections.get(name)) sections.set(name, value.trim());
	}
	return sections;
}

const listItem = /^\s*(?:[-*+]|\d+[.)])\s+(.+)$/;
const hasOwner = (text: string) => /\bowners?\s*[:=]\s*\S/i.test(text) || /(^|\s)@[\w.-]+/.test(text);
const timeOfDay = /\b\d{1,2}:\d{2}\b/;

export interface PostmortemShape {
	missing: SectionName[];
	/** Timeline lines that carry a time of day. */
	timelineEntries: number;
	actionItems: number;
	actionItemsWithoutOwner: string[];
	/** CloudWatch alarm ARNs among the OpsItem's related resources (`/aws/resources`). */
	linkedAlarms: string[];
}

/** The related resources OpsCenter keeps as JSON `[{"arn": …}]` under `/aws/resources`. */
export function relatedResourceArns(item: Pick<OpsItemDetail, 'operationalData'>): string[] {
	try {
		const parsed = JSON.parse(item.operationalData[relatedResourcesKey] ?? '[]');
		return Array.isArray(parsed)
			? parsed.flatMap((entry) => (typeof entry?.arn === 'string' ? [entry.arn as string] : []))
			: [];
	} catch {
		return [];
	}
}

/** What the grader checks in a postmortem: its sections, their structure and its link, never the prose. */
export function postmortemShape(item: Pick<OpsItemDetail, 'description' | 'operationalData'>): PostmortemShape {
	const sections = sectionsOf(item);
	const missing = (Object.keys(postmortemSections) as SectionName[]).filter((name) => !sections.get(name));
	const timeline = (sections.get('timeline') ?? '').split('\n').filter((line) => timeOfDay.test(line));
	const items = (sections.get('action items') ?? '').split('\n').flatMap((line) => {
		const match = listItem.exec(line);
		return match?.[1] ? [match[1].trim()] : [];
	});
	return {
		missing,
		timelineEntries: timeline.length,
		actionItems: items.length,
		actionItemsWithoutOwner: items.filter((text) => !hasOwner(text)),
		linkedAlarms: relatedResourceArns(item).filter((arn) =>
			/^arn:aws[a-z-]*:cloudwatch:[^:]+:\d{12}:alarm:.+/.test(arn),
		),
	};
}
