import type { Finding } from '../finding.ts';

export const minimumNodeMajor = 20;

/** The grader and the labs' scripts run on Node 20 and newer (AWS CloudShell has it). */
export function nodeVersionFinding(version: string): Finding {
	const major = Number(version.replace(/^v/, '').split('.')[0]);
	if (major >= minimumNodeMajor) {
		return { id: 'node', title: 'Node.js', status: 'pass', message: `Node.js ${version}.` };
	}
	return {
		id: 'node',
		title: 'Node.js',
		status: 'fail',
		message: `Node.js ${version} is older than ${minimumNodeMajor}.`,
		fix: `Install Node.js ${minimumNodeMajor} or newer (https://nodejs.org), or run the labs from AWS CloudShell, which has it.`,
	};
}
