import type { Command } from 'commander';
import { runDoctor } from '../../doctor/run-doctor.ts';
import { createCallCounter } from '../../engine/call-counter.ts';
import { formatCallSummary } from '../../output/call-summary.ts';
import { formatDoctorChecklist } from '../../output/doctor-checklist.ts';
import { exitCodeFor } from '../exit-codes.ts';
import type { CommandContext } from '../io.ts';
import { resolveRegion } from '../resolve-region.ts';
import { refuseBadEndpointUrl } from './check.ts';

export interface DoctorOptions {
	json?: boolean;
	region?: string;
	profile?: string;
	endpointUrl?: string;
	verbose?: boolean;
}

export async function runDoctorCommand(options: DoctorOptions, context: CommandContext): Promise<void> {
	const { io } = context;
	refuseBadEndpointUrl(options.endpointUrl);
	const counter = createCallCounter();
	const report = await runDoctor({
		region: await resolveRegion(options.region, options.profile, io.env),
		...(options.profile ? { profile: options.profile } : {}),
		...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
		createClients: io.createClients,
		now: io.now,
		nodeVersion: process.versions.node,
		counter,
	});
	if (options.verbose) io.stderr(formatCallSummary(counter.counts()));
	io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorChecklist(report, { color: io.isTTY }));
	context.setExitCode(exitCodeFor(report.outcome));
}

export function registerDoctor(program: Command, context: CommandContext): void {
	program
		.command('doctor')
		.description('check that your AWS account and terminal are ready for the labs (read-only); run it before Lab 1')
		.option('--json', 'print the findings as JSON instead of the checklist')
		.option(
			'--region <region>',
			'the Region you will use for the labs (default: AWS_REGION, AWS_DEFAULT_REGION or the profile)',
		)
		.option('--profile <name>', 'named AWS profile (default: the standard credential chain)')
		.option(
			'--endpoint-url <url>',
			'send every call to this endpoint (LocalStack, moto); AWS_ENDPOINT_URL(_<SERVICE>) also work',
		)
		.option('--verbose', 'print API calls and retries per service and operation (to stderr)')
		.addHelpText(
			'after',
			`
Checks your credentials and account (and warns about the root user), that the Region is set and
enabled, that it has a default VPC, that Lambda concurrency suffices for Lab 3's load (or which
--rate to use), that you may create and pass the labs' IAM roles (simulated, nothing is created),
for Lab 4 that AWS FIS offers the Lambda fault it injects in the Region and whether an AWS Config
recorder is already there (reuse it; none is fine), and the Node.js version. Only read calls are made.
Exit code 0 when all is ready (warnings included), 1 when something needs fixing, 2 when
something could not be checked.

Examples:
  sre-lab doctor
  sre-lab doctor --region eu-west-1 --profile sandbox`,
		)
		.action((options: DoctorOptions) => runDoctorCommand(options, context));
}
