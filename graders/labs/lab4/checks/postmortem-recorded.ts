import type { OpsItemDetail } from '../../../collectors/ssm/lab4-ops-items.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { type PostmortemShape, postmortemShape } from '../facts/postmortem-structure.ts';
import { readableItems } from '../facts/readable.ts';

/** What is still wrong with one postmortem, in the learner's terms; empty when nothing is. */
export function postmortemProblems(shape: PostmortemShape): string[] {
	const problems: string[] = [];
	if (shape.missing.length > 0) problems.push(`missing or empty section(s): ${shape.missing.join(', ')}`);
	if (!shape.missing.includes('timeline') && shape.timelineEntries < 2)
		problems.push('the timeline needs at least two entries with a time (e.g. "14:05 alarm fired")');
	if (!shape.missing.includes('action items') && shape.actionItems === 0)
		problems.push('the action items section has no list items');
	if (shape.actionItemsWithoutOwner.length > 0)
		problems.push(
			`action item(s) without an owner: ${shape.actionItemsWithoutOwner.map((text) => `"${text}"`).join(', ')}`,
		);
	if (shape.linkedAlarms.length === 0) problems.push("no CloudWatch alarm among the OpsItem's related resources");
	return problems;
}

export const postmortemRecorded: CheckDefinition = {
	id: 'postmortem-recorded',
	reads: ['ssm.lab4-ops-items'],
	evaluate(view) {
		const readable = readableItems(view.read<PerResource<OpsItemDetail>>('ssm.lab4-ops-items'));
		const items = readable.readable.sort((a, b) => (b.lastModifiedTime ?? '').localeCompare(a.lastModifiedTime ?? ''));
		if (items.length === 0) {
			readable.requireAll();
			return {
				status: 'fail',
				message: `No OpsItem with the operational data sre-lab = lab4 changed since ${view.window.since}: record the postmortem in OpsCenter and add that entry (searchable) so the grader can find it.`,
				evidence: [],
			};
		}
		const judged = items.map((item) => ({ item, problems: postmortemProblems(postmortemShape(item)) }));
		const good = judged.find(({ problems }) => problems.length === 0);
		if (good) {
			const shape = postmortemShape(good.item);
			return {
				status: 'pass',
				message: `OpsItem ${good.item.opsItemId} ("${good.item.title}") has every section, ${shape.timelineEntries} timeline entries, ${shape.actionItems} owned action item(s), and links ${shape.linkedAlarms.join(', ')}.`,
				evidence: [good.item.opsItemId, ...shape.linkedAlarms],
			};
		}
		readable.requireAll();
		return {
			status: 'fail',
			message: judged.map(({ item, problems }) => `OpsItem ${item.opsItemId}: ${problems.join('; ')}.`).join(' '),
			evidence: items.map((item) => item.opsItemId),
		};
	},
};
