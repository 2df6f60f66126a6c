import type { LabResult } from '../engine/types.ts';

function escapeXml(text: string): string {
	return dropNonXmlCharacters(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Control characters other than tab and newlines cannot appear in XML 1.0 at all, even escaped. */
function dropNonXmlCharacters(text: string): string {
	return [...text]
		.filter((char) => char.charCodeAt(0) >= 0x20 || char === '\t' || char === '\n' || char === '\r')
		.join('');
}

/**
 * JUnit XML for CI systems: one test case per check, failures as <failure>, grader errors as <error>
 * (so a dashboard can tell "learner has work to do" from "grader could not tell") and skipped as <skipped>.
 */
export function formatJunit(result: LabResult): string {
	const count = (status: string) => result.checks.filter((check) => check.status === status).length;
	const suite = escapeXml(result.lab);
	const cases = result.checks.map((check) => {
		const name = escapeXml(check.id);
		const message = escapeXml(check.message);
		const details = escapeXml(
			[check.message, check.hint ? `Hint: ${check.hint}` : '', ...check.evidence.map((id) => `Evidence: ${id}`)]
				.filter(Boolean)
				.join('\n'),
		);
		const open = `    <testcase classname="${suite}.step${check.step}" name="${name}" time="0">`;
		switch (check.status) {
			case 'pass':
				return `${open}\n      <system-out>${details}</system-out>\n    </testcase>`;
			case 'fail':
				return `${open}\n      <failure message="${message}" type="fail">${details}</failure>\n    </testcase>`;
			case 'error':
				return `${open}\n      <error message="${message}" type="error">${details}</error>\n    </testcase>`;
			default:
				return `${open}\n      <skipped message="${message}"/>\n    </testcase>`;
		}
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="sre-lab" tests="${result.checks.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skipped')}">`,
		`  <testsuite name="${suite}" tests="${result.checks.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skipped')}" timestamp="${escapeXml(result.gradedAt)}">`,
		`    <properties>`,
		`      <property name="account" value="${escapeXml(result.accountId ?? '')}"/>`,
		`      <property name="region" value="${escapeXml(result.region)}"/>`,
		`      <property name="score" value="${result.score}/${result.maxScore}"/>`,
		`    </properties>`,
		...cases,
		'  </testsuite>',
		'</testsuites>',
		'',
	].join('\n');
}
