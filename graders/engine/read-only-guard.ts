import type {
	HandlerExecutionContext,
	InitializeHandlerOptions,
	InitializeMiddleware,
	MetadataBearer,
	Pluggable,
	RelativeMiddlewareOptions,
} from '@smithy/types';
import { iamPrefixForClient, operationFromCommandName } from './aws-services.ts';
import { ReadOnlyViolation } from './errors.ts';

/**
 * Operation name prefixes that only read state. Simulate* and Test* evaluate input against stored
 * state (IAM SimulatePrincipalPolicy, Logs TestMetricFilter) without changing anything.
 */
const readPrefixes = ['Describe', 'List', 'Get', 'BatchGet', 'Lookup', 'Simulate', 'Test'] as const;

/**
 * Read-style operations whose names do not start with a read verb. Kept explicit and short: adding
 * one here is a reviewed decision, not a pattern match.
 */
const readOperationAllowlist: ReadonlySet<string> = new Set([
	'FilterLogEvents', // logs: searches events, changes nothing
	'SearchResources',
]);

/**
 * Operations with a read-style name that still act on the world: API Gateway's test invocations call
 * the integration behind a route (a Lambda function, an HTTP backend) for real.
 */
const sideEffectingReadNames: ReadonlySet<string> = new Set(['TestInvokeMethod', 'TestInvokeAuthorizer']);

/** True for operations the graders may call. Everything else is refused before it is sent. */
export function isReadOperation(operation: string): boolean {
	if (sideEffectingReadNames.has(operation)) return false;
	return readOperationAllowlist.has(operation) || readPrefixes.some((prefix) => operation.startsWith(prefix));
}

export const readOnlyGuardOptions: InitializeHandlerOptions &
	Pick<RelativeMiddlewareOptions, 'name' | 'override'> & { priority: 'high' } = {
	step: 'initialize',
	priority: 'high',
	name: 'sreLabReadOnlyGuard',
	override: true,
};

/**
 * Middleware that throws ReadOnlyViolation for any non-read operation. It sits in the first step of
 * the stack, so a refused request is never serialised, signed or sent.
 */
export function readOnlyGuardMiddleware(): InitializeMiddleware<object, MetadataBearer> {
	return (next, context: HandlerExecutionContext) => async (args) => {
		const operation = operationFromCommandName(context.commandName ?? '');
		if (!isReadOperation(operation)) {
			const service = iamPrefixForClient(context.clientName ?? '');
			throw new ReadOnlyViolation(
				`refused ${service}:${operation}: the graders only read (Describe/List/Get/Test-style calls)`,
			);
		}
		return next(args);
	};
}

export const readOnlyGuardPlugin: Pluggable<object, MetadataBearer> = {
	applyToStack: (stack) => {
		stack.add(readOnlyGuardMiddleware(), readOnlyGuardOptions);
	},
};
