import type {
	HandlerExecutionContext,
	InitializeHandlerOptions,
	InitializeMiddleware,
	MetadataBearer,
	Pluggable,
	RelativeMiddlewareOptions,
} from '@smithy/types';
import { iamPrefixForClient, operationFromCommandName } from './aws-services.ts';
import { type DeclaredReads, declaredOperations } from './declared-reads.ts';
import { ReadOnlyViolation } from './errors.ts';
import { secretRevealingReason } from './secret-operations.ts';

/** Operation name prefixes that only read state. */
const readPrefixes = ['Describe', 'List', 'Get', 'BatchGet', 'Lookup'] as const;

/**
 * Read-style operations whose names do not start with a read verb. Kept explicit and short: adding
 * one here is a reviewed decision, not a pattern match. Test* and Simulate* are not a read verb:
 * most evaluate input against stored state (IAM SimulatePrincipalPolicy, Logs TestMetricFilter), but
 * some act for real under the same verb (CodeCommit TestRepositoryTriggers sends to the triggers,
 * Lightsail TestAlarm notifies, Transfer TestIdentityProvider calls the provider, CloudFormation
 * TestType provisions resources, API Gateway TestInvokeMethod calls the integration).
 */
const readOperationAllowlist: ReadonlySet<string> = new Set([
	'FilterLogEvents', // logs: searches events, changes nothing
	'SearchResources',
	'TestMetricFilter', // logs: matches a pattern against lines sent with the request
	'SimulatePrincipalPolicy', // iam: evaluates the stored policies, changes nothing
	'SimulateCustomPolicy', // iam: evaluates the policies sent with the request
]);

/**
 * True for operations whose name says they only read. A second line behind the allow-list: a
 * collector that declared a write by mistake is still refused.
 */
export function isReadOperation(operation: string): boolean {
	return readOperationAllowlist.has(operation) || readPrefixes.some((prefix) => operation.startsWith(prefix));
}

/**
 * Why a call is refused, or null when it may be sent. Three independent reasons, checked in this order
 * so the message names the most serious one: it can reveal a secret (whatever was declared), it is not
 * a read, or no collector in use declared it.
 */
export function refusalReason(
	service: string,
	operation: string,
	input: unknown,
	allowed: ReadonlySet<string>,
): string | null {
	const action = `${service}:${operation}`;
	const secret = secretRevealingReason(service, operation, input);
	if (secret) return `refused ${action}: ${secret}; the graders never read secrets`;
	if (!isReadOperation(operation)) {
		return `refused ${action}: the graders only read (Describe/List/Get-style calls and a reviewed few)`;
	}
	if (!allowed.has(action)) {
		return `refused ${action}: no read in use declares it (add it to the collector's iamActions or operations)`;
	}
	return null;
}

export const readOnlyGuardOptions: InitializeHandlerOptions &
	Pick<RelativeMiddlewareOptions, 'name' | 'override'> & { priority: 'high' } = {
	step: 'initialize',
	priority: 'high',
	name: 'sreLabReadOnlyGuard',
	override: true,
};

/**
 * Middleware that throws ReadOnlyViolation for any call `refusalReason` refuses. It sits in the first
 * step of the stack, so a refused request is never serialised, signed or sent.
 */
export function readOnlyGuardMiddleware(allowed: ReadonlySet<string>): InitializeMiddleware<object, MetadataBearer> {
	return (next, context: HandlerExecutionContext) => async (args) => {
		const operation = operationFromCommandName(context.commandName ?? '');
		const service = iamPrefixForClient(context.clientName ?? '');
		const reason = refusalReason(service, operation, args.input, allowed);
		if (reason) throw new ReadOnlyViolation(reason);
		return next(args);
	};
}

/** The guard for clients that may send exactly the operations `reads` declare. */
export function readOnlyGuardPlugin(reads: readonly DeclaredReads[]): Pluggable<object, MetadataBearer> {
	const allowed = declaredOperations(reads);
	return {
		applyToStack: (stack) => {
			stack.add(readOnlyGuardMiddleware(allowed), readOnlyGuardOptions);
		},
	};
}
