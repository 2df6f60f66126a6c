import type { LambdaFunction } from '../../../collectors/lambda/functions.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { isLabResource } from './fleet.ts';

/**
 * Lambda functions tagged for the lab. If none is found but some function's tags could not be read,
 * the grader cannot tell whether the learner's function is among them, so that read error surfaces.
 */
export function labFunctions(view: SnapshotView): LambdaFunction[] {
	const functions = view.read<LambdaFunction[]>('lambda.functions');
	const tags = view.read<PerResource<Record<string, string>>>('lambda.function-tags');
	const found = functions.filter((fn) => {
		const outcome = tags[fn.functionArn];
		return outcome?.ok === true && isLabResource(outcome.data);
	});
	if (found.length === 0) {
		const failed = functions.map((fn) => tags[fn.functionArn]).find((outcome) => outcome && !outcome.ok);
		if (failed && !failed.ok) throw new ReadFailed(failed.error);
	}
	return found;
}

/** A target ARN invokes the function itself or one of its versions or aliases (`…:function:name:live`). */
export function arnInvokesFunction(targetArn: string, fn: LambdaFunction): boolean {
	return targetArn === fn.functionArn || targetArn.startsWith(`${fn.functionArn}:`);
}
