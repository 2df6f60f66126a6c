/**
 * The line under a module's title and the badges at the top of a lab, worded from frontmatter alone
 * (pure, so the wording is unit-tested): "Day 2 · Module 7 of 13 · 90 min · CloudWatch, CloudWatch Logs,
 * X-Ray and 4 more".
 */

export interface PageMetaInput {
	day?: number;
	module?: number;
	durationMinutes?: number;
	awsServices?: readonly string[];
	costNote?: string;
}

/** Services named before "and N more": enough to recognise the page, short enough for one phone line. */
const SHOWN_SERVICES = 3;

/** Minutes, as the day agendas count them ("90 min"), so a page and its agenda row read alike. */
export function formatDuration(minutes: number): string {
	return `${minutes} min`;
}

export function serviceList(services: readonly string[], shown = SHOWN_SERVICES): string {
	if (services.length <= shown + 1) return services.join(', ');
	return `${services.slice(0, shown).join(', ')} and ${services.length - shown} more`;
}

/** The parts of a module's subtitle; empty for a page that is not a module. */
export function moduleMetaParts(page: PageMetaInput, moduleCount: number): string[] {
	if (page.module === undefined) return [];
	const parts: string[] = [];
	if (page.day !== undefined) parts.push(`Day ${page.day}`);
	parts.push(`Module ${page.module} of ${moduleCount}`);
	if (page.durationMinutes !== undefined) parts.push(formatDuration(page.durationMinutes));
	if (page.awsServices && page.awsServices.length > 0) parts.push(serviceList(page.awsServices));
	return parts;
}

export interface LabBadge {
	/** Short, visible name of the badge, e.g. "Time". */
	label: string;
	value: string;
}

/** Time, cost, Region and services for the top of a lab page, each only when the frontmatter has it. */
export function labBadges(page: PageMetaInput): LabBadge[] {
	const badges: LabBadge[] = [];
	if (page.durationMinutes !== undefined)
		badges.push({ label: 'Time', value: `about ${formatDuration(page.durationMinutes)}` });
	if (page.costNote) badges.push({ label: 'Cost', value: page.costNote });
	// Every lab runs in the one Region the learner chose while preparing the sandbox.
	badges.push({ label: 'Region', value: 'your course Region' });
	if (page.awsServices && page.awsServices.length > 0) {
		badges.push({ label: 'Services', value: page.awsServices.filter((name) => name !== 'CloudShell').join(', ') });
	}
	return badges;
}
