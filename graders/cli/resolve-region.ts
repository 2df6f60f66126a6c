import { STSClient } from '@aws-sdk/client-sts';

/**
 * The region to grade, in the order people expect: --region, then AWS_REGION / AWS_DEFAULT_REGION
 * (CloudShell sets both), then the profile's `region` setting. Null when none is set; no request is made.
 */
export async function resolveRegion(
	flag: string | undefined,
	profile: string | undefined,
	env: Readonly<Record<string, string | undefined>>,
): Promise<string | null> {
	const fromEnv = flag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
	if (fromEnv) return fromEnv;
	// The SDK's own loader reads ~/.aws/config for the profile; building a client sends nothing.
	const probe = new STSClient(profile ? { profile } : {});
	try {
		const region = await probe.config.region();
		return region || null;
	} catch {
		return null;
	} finally {
		probe.destroy();
	}
}
