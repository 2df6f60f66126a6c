import type { CallerIdentity } from '../collectors/sts/caller-identity.ts';
import type { Reads } from './finding.ts';
import { type DoctorReport, type Finding, outcomeOf } from './finding.ts';
import { configRecorderFinding } from './findings/config-recorder.ts';
import { credentialsFinding } from './findings/credentials.ts';
import { defaultVpcFinding } from './findings/default-vpc.ts';
import { fisFinding } from './findings/fis.ts';
import { iamRolesFinding } from './findings/iam-roles.ts';
import { lambdaConcurrencyFinding } from './findings/lambda-concurrency.ts';
import { nodeVersionFinding } from './findings/node-version.ts';
import { regionFinding, regionUsable } from './findings/region.ts';

export interface DoctorInputs {
	/** The Region the labs will use; null when none is set. */
	region: string | null;
	/** Reads made in a Region every account can use (see accountRegionFor). */
	accountReads: Reads;
	/** Reads made in `region`; null when there is none. */
	regionReads: Reads | null;
	nodeVersion: string;
	checkedAt: string;
}

/** The preflight's verdicts: pure, from what was read. */
export function diagnose(inputs: DoctorInputs): DoctorReport {
	const region = regionFinding(inputs.region, inputs.accountReads, inputs.regionReads);
	const usable = regionUsable(region);
	const findings: Finding[] = [
		credentialsFinding(inputs.accountReads),
		region,
		defaultVpcFinding(inputs.region, usable, inputs.regionReads),
		lambdaConcurrencyFinding(inputs.region, usable, inputs.regionReads),
		iamRolesFinding(inputs.accountReads),
		fisFinding(inputs.region, usable, inputs.regionReads),
		configRecorderFinding(inputs.region, usable, inputs.regionReads),
		nodeVersionFinding(inputs.nodeVersion),
	];
	const identity = inputs.accountReads['sts.caller-identity'];
	const caller = identity?.ok ? (identity.data as CallerIdentity) : undefined;
	return {
		format: 'sre-lab-doctor',
		version: 1,
		accountId: caller?.account ?? null,
		callerArn: caller?.arn ?? null,
		region: inputs.region,
		checkedAt: inputs.checkedAt,
		outcome: outcomeOf(findings),
		findings,
	};
}
