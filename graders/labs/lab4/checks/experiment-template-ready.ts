import type { CheckDefinition } from '../../../engine/types.ts';
import { isDeployed, lab3Stacks } from '../../lab3/facts/app-stack.ts';
import { noAppStack } from '../facts/no-app-stack.ts';
import { templateReadiness, templateReadinessReads } from '../facts/template-readiness.ts';

export const experimentTemplateReady: CheckDefinition = {
	id: 'experiment-template-ready',
	reads: templateReadinessReads,
	evaluate(view) {
		if (lab3Stacks(view).filter(isDeployed).length === 0) {
			return noAppStack('the game day runs on it');
		}
		const readiness = templateReadiness(view);
		const ready = readiness.ready[0];
		if (ready) {
			return {
				status: 'pass',
				message: `Experiment template ${ready.template.id} injects ${ready.faults.join(', ')} into ${ready.functions.join(', ')}; its role may act on those functions and no other, and the alarm ${ready.stopAlarms.join(', ')} stops it.`,
				evidence: [ready.template.id, ready.template.roleArn, ...ready.functions],
			};
		}
		// A template that could not be read or judged might be the ready one.
		readiness.requireAll();
		if (readiness.judged.length === 0) {
			return {
				status: 'fail',
				message:
					'No AWS FIS experiment template tagged sre-lab=lab4 in this Region: create one whose action injects a Lambda fault into the Lab 3 functions, and tag it sre-lab=lab4.',
				evidence: [],
			};
		}
		return {
			status: 'fail',
			message: readiness.judged
				.map(({ template, problems }) => `Template ${template.id}: ${problems.join('; ')}.`)
				.join(' '),
			evidence: readiness.judged.map(({ template }) => template.id),
		};
	},
};
