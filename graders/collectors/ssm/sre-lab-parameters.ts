import { paginateGetParametersByPath, SSMClient } from '@aws-sdk/client-ssm';
import { sreLabParameterArns } from '../../engine/iam-resources.ts';
import type { Collector } from '../../engine/types.ts';

export interface Parameter {
	name: string;
	type: string;
	/** SecureString values stay encrypted: the graders never ask for decryption. */
	value: string;
	lastModified: string | null;
}

/** Every parameter under /sre-lab/, where the labs ask learners to record decisions (SLOs, switches). */
export const ssmSreLabParameters: Collector<Parameter[]> = {
	id: 'ssm.sre-lab-parameters',
	description: 'Systems Manager parameters under /sre-lab/',
	iamActions: ['ssm:GetParametersByPath'],
	// Only the /sre-lab path: on "*" the grader could read every parameter in the account.
	iamScopes: { 'ssm:GetParametersByPath': { resources: sreLabParameterArns } },
	async collect({ clients }) {
		const parameters: Parameter[] = [];
		const pages = paginateGetParametersByPath(
			{ client: clients.get(SSMClient) },
			{ Path: '/sre-lab', Recursive: true, WithDecryption: false },
		);
		for await (const page of pages) {
			for (const parameter of page.Parameters ?? []) {
				parameters.push({
					name: parameter.Name ?? '',
					type: parameter.Type ?? 'String',
					value: parameter.Value ?? '',
					lastModified: parameter.LastModifiedDate ? parameter.LastModifiedDate.toISOString() : null,
				});
			}
		}
		return parameters.sort((a, b) => a.name.localeCompare(b.name));
	},
};
