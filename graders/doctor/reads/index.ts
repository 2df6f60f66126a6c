/**
 * What `sre-lab doctor` reads, declared like every collector so the read-only guard's allow-list can
 * include it. Deliberately not part of any lab: instructors never need these reads, so they stay out
 * of `sre-lab policy` and the grader role.
 */
import { callerIdentity } from '../../collectors/sts/caller-identity.ts';
import type { Collector } from '../../engine/types.ts';
import { callerLabPermissions } from './caller-lab-permissions.ts';
import { configRecorder } from './config-recorder.ts';
import { defaultVpcs } from './default-vpcs.ts';
import { fisLambdaAction } from './fis-lambda-action.ts';
import { lambdaAccountSettings } from './lambda-account-settings.ts';
import { regions } from './regions.ts';

/**
 * Reads about the account as a whole, made where the account is always reachable (see
 * accountRegionFor): who the caller is, which Regions are enabled, what the caller may do in IAM.
 */
export const doctorAccountReads: readonly Collector[] = [callerIdentity, regions, callerLabPermissions];

/** Reads about the chosen Region, made in it: Labs 1–3's needs, then Lab 4's (FIS, the Config recorder). */
export const doctorRegionReads: readonly Collector[] = [
	defaultVpcs,
	lambdaAccountSettings,
	fisLambdaAction,
	configRecorder,
];

/** Every read the doctor makes: for the read-only guard's allow-list, never for the grader policy. */
export const doctorReads: readonly Collector[] = [...doctorAccountReads, ...doctorRegionReads];
