import { describe, expect, it } from 'vitest';
import type { InstancePatchState } from '../../../../graders/collectors/ssm/instance-patch-states.ts';
import type { MaintenanceWindow } from '../../../../graders/collectors/ssm/maintenance-windows.ts';
import type { PatchAssociation } from '../../../../graders/collectors/ssm/patch-associations.ts';
import type { PatchInstallInvocation } from '../../../../graders/collectors/ssm/patch-install-commands.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import { fleetIds, windowId } from './support/lab2-account.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

function editWindow(snapshot: Snapshot, edit: (window: MaintenanceWindow) => void): Snapshot {
	return editRead<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows', (windows) => {
		const outcome = windows[windowId];
		if (!outcome?.ok) throw new Error('fixture window missing');
		edit(outcome.data);
		return windows;
	});
}

const withoutWindows = (snapshot: Snapshot) =>
	editRead<PerResource<MaintenanceWindow>>(snapshot, 'ssm.maintenance-windows', () => ({}));

function withAssociation(snapshot: Snapshot, overrides: Partial<PatchAssociation> = {}): Snapshot {
	const association: PatchAssociation = {
		associationId: 'assoc-install',
		associationName: 'lab2-patch-fleet',
		documentName: 'AWS-RunPatchBaseline',
		targets: [{ key: 'tag:sre-lab', values: ['lab2'] }],
		scheduleExpression: 'cron(0 4 ? * SUN *)',
		parameters: { Operation: ['Install'] },
		status: 'Success',
		lastExecutionAt: '2026-11-22T04:10:00.000Z',
		...overrides,
	};
	return editRead<PerResource<PatchAssociation>>(snapshot, 'ssm.patch-associations', (associations) => ({
		...associations,
		[association.associationId]: { ok: true, data: association },
	}));
}

const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'patching-scheduled');

describe('patching-scheduled', () => {
	it('passes with an enabled weekly window that installs patches on the PatchGroup tag', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.evidence).toEqual([windowId, 'task-lab2-install']);
	});

	it('passes with a State Manager association instead of a window', () => {
		const result = grade(withAssociation(withoutWindows(loadLab2Fixture('passing'))));
		expect(result.status).toBe('pass');
		expect(result.message).toContain('association lab2-patch-fleet (cron(0 4 ? * SUN *)) runs AWS-RunPatchBaseline');
	});

	it('passes with a window task that runs a patch Automation runbook', () => {
		const snapshot = editWindow(loadLab2Fixture('passing'), (window) => {
			const [task] = window.tasks;
			if (task)
				Object.assign(task, { taskType: 'AUTOMATION', taskArn: 'AWS-PatchInstanceWithRollback', parameters: {} });
		});
		expect(grade(snapshot).status).toBe('pass');
	});

	it('passes when the task names its tag targets directly instead of registered targets', () => {
		const snapshot = editWindow(loadLab2Fixture('passing'), (window) => {
			window.targets = [];
			const [task] = window.tasks;
			if (task) task.targets = [{ key: 'tag:sre-lab', values: ['lab2'] }];
		});
		expect(grade(snapshot).status).toBe('pass');
	});

	it.each([
		[
			'the window is disabled',
			(window: MaintenanceWindow) => {
				window.enabled = false;
			},
			'is disabled',
		],
		[
			'the window runs only once',
			(window: MaintenanceWindow) => {
				window.schedule = 'at(2026-11-23T03:00:00)';
			},
			'has no recurring schedule',
		],
		[
			'the task only scans',
			(window: MaintenanceWindow) => {
				for (const task of window.tasks) task.parameters = { Operation: ['Scan'] };
			},
			'without Operation=Install',
		],
		[
			'the window has no patching task',
			(window: MaintenanceWindow) => {
				window.tasks = [];
			},
			'has no AWS-RunPatchBaseline',
		],
		[
			'the target lists instance ids',
			(window: MaintenanceWindow) => {
				for (const target of window.targets) target.targets = [{ key: 'InstanceIds', values: [...fleetIds] }];
			},
			'target the fleet by tag',
		],
		[
			'the tag target misses an instance',
			(window: MaintenanceWindow) => {
				for (const target of window.targets) target.targets = [{ key: 'tag:PatchGroup', values: ['lab2-other'] }];
			},
			`miss ${fleetIds[0]}, ${fleetIds[1]}`,
		],
	])('fails when %s', (_, edit, expected) => {
		const result = grade(editWindow(loadLab2Fixture('passing'), edit));
		expect(result.status).toBe('fail');
		expect(result.message).toContain(expected);
	});

	it('fails for an association that scans, or that has no schedule', () => {
		const noWindows = withoutWindows(loadLab2Fixture('passing'));
		expect(grade(withAssociation(noWindows, { parameters: { Operation: ['Scan'] } })).message).toContain(
			'without Operation=Install',
		);
		expect(grade(withAssociation(noWindows, { scheduleExpression: null })).message).toContain(
			'has no recurring schedule (none)',
		);
	});

	it('passes on the association even when the windows cannot be read', () => {
		const snapshot = withAssociation(
			failRead(loadLab2Fixture('passing'), 'ssm.maintenance-windows', accessDenied('ssm:DescribeMaintenanceWindows')),
		);
		expect(grade(snapshot).status).toBe('pass');
	});

	it('is an error, not a failure, when the windows cannot be read and no association patches', () => {
		const snapshot = failRead(
			loadLab2Fixture('passing'),
			'ssm.maintenance-windows',
			accessDenied('ssm:DescribeMaintenanceWindows'),
		);
		const result = grade(snapshot);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ssm:DescribeMaintenanceWindows');
	});
});

describe('patching-succeeded', () => {
	const withCommands = (
		snapshot: Snapshot,
		edit: (invocations: PatchInstallInvocation[]) => PatchInstallInvocation[],
	) => editRead<PatchInstallInvocation[]>(snapshot, 'ssm.patch-install-commands', edit);
	// The command history is a second source of evidence; without it, the patch states alone decide.
	const editStates = (edit: (states: InstancePatchState[]) => InstancePatchState[]) =>
		withCommands(
			editRead<InstancePatchState[]>(loadLab2Fixture('passing'), 'ssm.instance-patch-states', edit),
			() => [],
		);
	const gradeStates = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'patching-succeeded');
	const scannedLast = () =>
		editRead<InstancePatchState[]>(loadLab2Fixture('passing'), 'ssm.instance-patch-states', (states) =>
			states.map((state) => ({ ...state, operation: 'Scan', operationEndTime: '2026-11-22T06:00:00.000Z' })),
		);

	it('passes when every instance installed patches in the window without failures', () => {
		expect(gradeStates(loadLab2Fixture('passing')).status).toBe('pass');
	});

	it('passes on the command history when a later scan replaced the Install in the patch state', () => {
		const result = gradeStates(scannedLast());
		expect(result.status).toBe('pass');
		expect(result.evidence).toContain('0a2b0000-aaaa-bbbb-cccc-000000000001');
	});

	it('fails when the install command failed on an instance and its state shows no Install', () => {
		const snapshot = withCommands(scannedLast(), (invocations) =>
			invocations.map((invocation) =>
				invocation.instanceId === fleetIds[0] ? { ...invocation, status: 'Failed' } : invocation,
			),
		);
		const result = gradeStates(snapshot);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[0]} last ran a Scan, not an Install`);
	});

	it('lets the patch states decide when the command history cannot be read', () => {
		const denied = failRead(loadLab2Fixture('passing'), 'ssm.patch-install-commands', accessDenied('ssm:ListCommands'));
		expect(gradeStates(denied).status).toBe('pass');
	});

	it.each([
		[
			'an instance only scanned',
			(state: InstancePatchState) => ({ ...state, operation: 'Scan' }),
			'last ran a Scan, not an Install',
		],
		[
			'an install ended before the window',
			(state: InstancePatchState) => ({ ...state, operationEndTime: '2026-11-20T03:00:00.000Z' }),
			'before 2026-11-21T12:00:00.000Z',
		],
		[
			'patches failed to install',
			(state: InstancePatchState) => ({ ...state, failedCount: 2 }),
			'2 patch(es) that failed to install',
		],
	])('fails when %s', (_, change, expected) => {
		const result = gradeStates(
			editStates((states) => states.map((state) => (state.instanceId === fleetIds[1] ? change(state) : state))),
		);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[1]} `);
		expect(result.message).toContain(expected);
	});

	it('fails when an instance never reported', () => {
		const result = gradeStates(editStates((states) => states.filter((state) => state.instanceId !== fleetIds[0])));
		expect(result.message).toContain(`${fleetIds[0]} has never reported a patch operation`);
	});

	it('is skipped while patching is not scheduled', () => {
		const snapshot = editWindow(loadLab2Fixture('passing'), (window) => {
			window.enabled = false;
		});
		expect(gradeStates(snapshot).status).toBe('skipped');
	});
});
