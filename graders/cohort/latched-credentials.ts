import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * An account's credentials, remembering the first time they could not be had. The SDK asks for them
 * on every call, and the account's session is renewed from the instructor's own credentials while
 * the account is read. When that renewal fails (the instructor's credentials expired, STS out of
 * reach, the role deleted meanwhile) every read would fail alike and the account would be recorded
 * as read with errors: instead each later call gets the same failure at once, without asking STS
 * again, and the grader throws it as it would have had the role failed at the start.
 */
export interface LatchedCredentials {
	credentials: AwsCredentialIdentityProvider;
	/** Throws the first failure of the credentials, if there was one. */
	throwIfFailed(): void;
}

export function latchCredentialsFailure(provider: AwsCredentialIdentityProvider): LatchedCredentials {
	let failure: { error: unknown } | undefined;
	return {
		credentials: async (properties) => {
			if (failure) throw failure.error;
			try {
				return await provider(properties);
			} catch (error) {
				failure ??= { error };
				throw failure.error;
			}
		},
		throwIfFailed() {
			if (failure) throw failure.error;
		},
	};
}
