import {
	type ConfigurationRecorder,
	type ConfigurationRecorderStatus,
	DescribeConfigurationRecorderStatusCommand,
	DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { lambdaRecordingFrequency, recordsLambdaFunctions } from '../../../graders/doctor/recording-scope.ts';
import {
	accessDenied,
	type DoctorAccount,
	doctorOn,
	findingOf,
	GetActionCommand,
	lab4Recorder,
	lab4RecorderStatus,
} from './support/doctor-account.ts';

/** The Region's recorder as DescribeConfigurationRecorders returns it, with its status entry. */
const withRecorder =
	(recorder: ConfigurationRecorder, status: ConfigurationRecorderStatus | null) =>
	({ config }: DoctorAccount) => {
		config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [recorder] });
		config
			.on(DescribeConfigurationRecorderStatusCommand)
			.resolves({ ConfigurationRecordersStatus: status ? [status] : [] });
	};

describe('doctor: AWS Config recorder for Lab 4', () => {
	it('says step 6 creates one, what it costs and to stop it, when the Region has none (not a failure)', async () => {
		const { report } = await doctorOn('eu-west-1');
		expect(findingOf(report, 'config-recorder')).toEqual({
			id: 'config-recorder',
			title: 'AWS Config recorder for Lab 4',
			status: 'pass',
			message:
				'No configuration recorder in eu-west-1. Lab 4 step 6 creates one; it costs per configuration item recorded, so stop it after the lab.',
		});
		expect(report.outcome).toBe('pass');
	});

	it('tells the learner to reuse a recording recorder and that it already bills', async () => {
		const { report, calls } = await doctorOn('eu-west-1', withRecorder(lab4Recorder, lab4RecorderStatus(true)));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'pass',
			message: expect.stringMatching(/"default" in eu-west-1 is recording.*already billing.*reuses it.*at most one/),
		});
		expect(calls.describeRecorderStatus).toEqual([{ input: {}, region: 'eu-west-1' }]);
	});

	it('says to start a stopped recorder for step 6 and stop it after, naming it', async () => {
		const { report } = await doctorOn('eu-west-1', withRecorder(lab4Recorder, lab4RecorderStatus(false)));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'pass',
			message: expect.stringContaining(
				'exists but is stopped. In Lab 4 step 6 start it (`aws configservice start-configuration-recorder --configuration-recorder-name default`), and stop it again after the lab.',
			),
		});
	});

	it('warns when the existing recorder leaves out Lambda functions, which step 6’s rule evaluates', async () => {
		const ec2Only: ConfigurationRecorder = {
			...lab4Recorder,
			recordingGroup: { ...lab4Recorder.recordingGroup, resourceTypes: ['AWS::EC2::Instance'] },
		};
		const { report } = await doctorOn('eu-west-1', withRecorder(ec2Only, lab4RecorderStatus(false)));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'warn',
			message: expect.stringContaining('(stopped)'),
			fix: expect.stringMatching(/does not record AWS::Lambda::Function.*Start it for step 6 and stop it again/),
		});
		expect(report.outcome).toBe('pass');
	});

	it('warns when its latest recording failed, with AWS Config’s own reason', async () => {
		const failing: ConfigurationRecorderStatus = {
			...lab4RecorderStatus(true),
			lastStatus: 'Failure',
			lastErrorCode: 'NoAvailableDeliveryChannelException',
			lastErrorMessage: 'Delivery channel is not available to start configuration recorder.',
		};
		const { report } = await doctorOn('eu-west-1', withRecorder(lab4Recorder, failing));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'warn',
			message: expect.stringContaining(
				'latest recording failed (NoAvailableDeliveryChannelException: Delivery channel is not available',
			),
		});
	});

	it('skips service-linked recorders, which the learner can neither reuse nor stop', async () => {
		const serviceLinked: ConfigurationRecorder = {
			arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/AWSConfigurationRecorderForSecurityHub/x1y2',
			name: 'AWSConfigurationRecorderForSecurityHub',
			servicePrincipal: 'securityhub.amazonaws.com',
			recordingScope: 'INTERNAL',
			recordingGroup: { allSupported: true },
		};
		const { report, calls } = await doctorOn('eu-west-1', withRecorder(serviceLinked, { recording: true }));
		expect(findingOf(report, 'config-recorder').message).toMatch(/^No configuration recorder in eu-west-1/);
		expect(calls.describeRecorderStatus).toEqual([]);
	});

	it('cannot tell, and says it is no problem, when the read is denied (never a fail or a warning)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ config }) => {
			config.on(DescribeConfigurationRecordersCommand).rejects(accessDenied('config:DescribeConfigurationRecorders'));
		});
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'error',
			message: expect.stringMatching(
				/^Could not check: your identity may not call config:DescribeConfigurationRecorders\./,
			),
		});
		expect(report.outcome).toBe('error');
	});

	it('cannot tell when the recorder is listed but its status is denied', async () => {
		const { report } = await doctorOn('eu-west-1', ({ config }) => {
			config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [lab4Recorder] });
			config
				.on(DescribeConfigurationRecorderStatusCommand)
				.rejects(accessDenied('config:DescribeConfigurationRecorderStatus'));
		});
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('may not call config:DescribeConfigurationRecorderStatus.'),
		});
	});

	it('cannot tell when the status lists nothing for the recorder', async () => {
		const { report } = await doctorOn('eu-west-1', withRecorder(lab4Recorder, null));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('reported no status'),
		});
	});
});

describe('recordsLambdaFunctions and lambdaRecordingFrequency (RecordingGroup, RecordingMode)', () => {
	const scope = { allSupported: false, strategy: null, resourceTypes: [], excludedResourceTypes: [] };

	it('reads every recording strategy', () => {
		expect(recordsLambdaFunctions({ ...scope, allSupported: true })).toBe(true);
		expect(recordsLambdaFunctions({ ...scope, strategy: 'ALL_SUPPORTED_RESOURCE_TYPES' })).toBe(true);
		expect(recordsLambdaFunctions({ ...scope, strategy: 'EXCLUSION_BY_RESOURCE_TYPES' })).toBe(true);
		expect(
			recordsLambdaFunctions({
				...scope,
				strategy: 'EXCLUSION_BY_RESOURCE_TYPES',
				excludedResourceTypes: ['AWS::Lambda::Function'],
			}),
		).toBe(false);
		expect(
			recordsLambdaFunctions({
				...scope,
				strategy: 'INCLUSION_BY_RESOURCE_TYPES',
				resourceTypes: ['AWS::Lambda::Function'],
			}),
		).toBe(true);
		expect(recordsLambdaFunctions({ ...scope, resourceTypes: ['AWS::S3::Bucket'] })).toBe(false);
	});

	it('takes an override that names Lambda functions over the default frequency, CONTINUOUS when unset', () => {
		expect(lambdaRecordingFrequency({ frequency: null, frequencyOverrides: [] })).toBe('CONTINUOUS');
		expect(lambdaRecordingFrequency({ frequency: 'DAILY', frequencyOverrides: [] })).toBe('DAILY');
		expect(
			lambdaRecordingFrequency({
				frequency: 'DAILY',
				frequencyOverrides: [{ frequency: 'CONTINUOUS', resourceTypes: ['AWS::Lambda::Function'] }],
			}),
		).toBe('CONTINUOUS');
	});

	it('warns a recorder that records Lambda functions only daily', async () => {
		const daily: ConfigurationRecorder = {
			...lab4Recorder,
			recordingMode: { recordingFrequency: 'DAILY', recordingModeOverrides: [] },
		};
		const { report } = await doctorOn('eu-west-1', withRecorder(daily, lab4RecorderStatus(true)));
		expect(findingOf(report, 'config-recorder')).toMatchObject({
			status: 'warn',
			message: expect.stringContaining('recording, so already billing'),
			fix: expect.stringContaining('once a day'),
		});
	});
});

describe('doctor: AWS FIS for Lab 4', () => {
	it('passes when FIS answers GetAction for the lab’s Lambda delay action', async () => {
		const { report } = await doctorOn('eu-west-1');
		expect(findingOf(report, 'fis')).toEqual({
			id: 'fis',
			title: 'AWS FIS for Lab 4',
			status: 'pass',
			message: 'AWS FIS offers aws:lambda:invocation-add-delay in eu-west-1, the fault Lab 4 injects.',
		});
	});

	it('warns (Labs 1–3 still work) when FIS has no endpoint in the Region', async () => {
		const { report } = await doctorOn('eu-south-2', ({ fis }) => {
			fis.on(GetActionCommand).rejects(
				Object.assign(new Error('getaddrinfo ENOTFOUND fis.eu-south-2.amazonaws.com'), {
					code: 'ENOTFOUND',
					syscall: 'getaddrinfo',
					hostname: 'fis.eu-south-2.amazonaws.com',
				}),
			);
		});
		expect(findingOf(report, 'fis')).toMatchObject({
			status: 'warn',
			message: expect.stringContaining(
				'AWS FIS is not offered in eu-south-2 (fis.eu-south-2.amazonaws.com does not resolve',
			),
			fix: expect.stringContaining('build Lab 3 in a Region where AWS FIS offers its Lambda actions'),
		});
		expect(report.outcome).toBe('pass');
	});

	it('warns when FIS answers but does not know the Lambda action there (ResourceNotFoundException)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ fis }) => {
			fis.on(GetActionCommand).rejects(
				Object.assign(new Error('Action not found: aws:lambda:invocation-add-delay'), {
					name: 'ResourceNotFoundException',
					$metadata: { httpStatusCode: 404 },
				}),
			);
		});
		expect(findingOf(report, 'fis')).toMatchObject({
			status: 'warn',
			message:
				'AWS FIS answers in eu-west-1 but does not offer aws:lambda:invocation-add-delay, the fault Lab 4 injects into the Lab 3 functions.',
		});
	});

	it('cannot tell when fis:GetAction is denied, and names the action (never a warning or a fail)', async () => {
		const { report } = await doctorOn('eu-west-1', ({ fis }) => {
			fis.on(GetActionCommand).rejects(accessDenied('fis:GetAction'));
		});
		expect(findingOf(report, 'fis')).toMatchObject({
			status: 'error',
			message: expect.stringMatching(/^Could not check: your identity may not call fis:GetAction,/),
		});
		expect(report.outcome).toBe('error');
	});

	it('cannot tell when AWS cannot be reached at all: the identity read failed first', async () => {
		const { report, calls } = await doctorOn('eu-west-1', ({ sts }) => {
			sts.on(GetCallerIdentityCommand).rejects(
				Object.assign(new Error('getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com'), {
					code: 'ENOTFOUND',
					hostname: 'sts.eu-west-1.amazonaws.com',
				}),
			);
		});
		expect(findingOf(report, 'fis').status).toBe('skipped');
		expect(calls.getAction).toEqual([]);
	});
});
