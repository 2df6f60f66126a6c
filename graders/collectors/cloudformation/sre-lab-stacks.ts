import { type Stack, sreLabStackOutputKey, sreLabStackTagKey } from './stacks.ts';

/**
 * The lab a stack belongs to, if any: the stack tag `sre-lab=<lab>` (the one naming convention labs
 * may require) or an output `SreLab` that the course's own templates declare, so that a learner who
 * forgot `--tags` is still recognised. Names are never used: learners choose them.
 */
export function sreLabOfStack(stack: Pick<Stack, 'tags' | 'outputs'>): string | null {
	return stack.tags[sreLabStackTagKey] ?? stack.outputs[sreLabStackOutputKey] ?? null;
}
