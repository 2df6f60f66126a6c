import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabResult } from '../../../graders/engine/types.ts';
import { motoMaxAttempts } from './collect-from-moto.ts';
import { motoCredentials, motoEndpoint } from './moto-account.ts';

const bin = fileURLToPath(new URL('../../../bin/sre-lab.js', import.meta.url));

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs the real `sre-lab` command in a child process, as a learner would, against moto:
 * `sre-lab check <lab> --endpoint-url <moto> --region <region> [...args]`, with keys in the environment.
 */
export function runSreLabAgainstMoto(lab: string, region: string, args: readonly string[] = []): Promise<CliRun> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		AWS_ACCESS_KEY_ID: motoCredentials.accessKeyId,
		AWS_SECRET_ACCESS_KEY: motoCredentials.secretAccessKey,
		AWS_MAX_ATTEMPTS: String(motoMaxAttempts),
		NO_COLOR: '1',
	};
	for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL'])
		delete env[name];
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[bin, 'check', lab, '--endpoint-url', motoEndpoint(), '--region', region, ...args],
			{ env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({ code, stdout, stderr });
			},
		);
	});
}

/** The `--json` result document of a run. */
export function resultOf(run: CliRun): LabResult {
	return JSON.parse(run.stdout) as LabResult;
}
