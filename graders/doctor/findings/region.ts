import { dataOf, errorOf, type Finding, isAccountWide, type Reads } from '../finding.ts';
import type { RegionStatus } from '../reads/regions.ts';

const title = 'Region';

const enableFix = (region: string) =>
	`Enable it (account menu → Account → AWS Regions → ${region} → Enable, or \`aws account enable-region --region-name ${region}\`; it can take a few minutes), or pick a Region that needs no opt-in.`;

/**
 * The Region is set, exists, and is enabled for the account. `accountReads` were made in a Region
 * every account can use; `regionReads` in the learner's Region (the same object when they coincide).
 */
export function regionFinding(region: string | null, accountReads: Reads, regionReads: Reads | null): Finding {
	if (!region) {
		return {
			id: 'region',
			title,
			status: 'fail',
			message: 'No Region is set, so the labs would not know where to build.',
			fix: 'Pass --region, set AWS_REGION, or run `aws configure set region <region>` (CloudShell uses the console’s Region).',
		};
	}
	const identityError = errorOf(accountReads['sts.caller-identity']);
	if (isAccountWide(identityError)) {
		return { id: 'region', title, status: 'skipped', message: 'Skipped until the credentials line passes.' };
	}
	const regionsOutcome = accountReads['ec2.regions'];
	const listed = dataOf<RegionStatus[]>(regionsOutcome);
	if (listed) {
		const entry = listed.find((candidate) => candidate.regionName === region);
		if (!entry) {
			return {
				id: 'region',
				title,
				status: 'fail',
				message: `"${region}" is not a Region of this account's partition.`,
				fix: "Check the spelling: `aws ec2 describe-regions --query 'Regions[].RegionName'` lists the Regions you can use.",
			};
		}
		switch (entry.optInStatus) {
			case 'opt-in-not-required':
				return { id: 'region', title, status: 'pass', message: `${region}, enabled in every account.` };
			case 'opted-in':
				return {
					id: 'region',
					title,
					status: 'pass',
					message: `${region}, an opt-in Region enabled for this account.`,
				};
			case 'not-opted-in':
				return {
					id: 'region',
					title,
					status: 'fail',
					message: `${region} is an opt-in Region that is not enabled for this account: every call there is refused.`,
					fix: enableFix(region),
				};
			default:
				return {
					id: 'region',
					title,
					status: 'warn',
					message: `${region} has the opt-in status "${entry.optInStatus ?? 'unknown'}".`,
					fix: 'If it is still being enabled, wait a few minutes and run doctor again.',
				};
		}
	}
	// Could not list the Regions (an SCP may deny ec2:DescribeRegions outside approved Regions):
	// whether the learner's Region answered still tells.
	const regionalIdentity = regionReads?.['sts.caller-identity'];
	if (regionalIdentity?.ok) {
		return { id: 'region', title, status: 'pass', message: `${region} answers for this account.` };
	}
	const regionalError = errorOf(regionalIdentity);
	if (regionalError?.kind === 'region') {
		return { id: 'region', title, status: 'fail', message: regionalError.message, fix: enableFix(region) };
	}
	return {
		id: 'region',
		title,
		status: 'error',
		message: (errorOf(regionsOutcome) ?? regionalError)?.message ?? `Whether ${region} is enabled was not read.`,
	};
}

/** The Region-level findings only make sense in a Region that can be used. */
export const regionUsable = (finding: Finding) => finding.status === 'pass' || finding.status === 'warn';
