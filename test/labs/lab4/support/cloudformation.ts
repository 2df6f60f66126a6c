import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
export type Cfn = any;

/** A template of this repository, parsed (the templates use long-form intrinsics, so plain YAML reads them). */
export const readTemplate = (path: string): Cfn =>
	parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));

/** The account and Region every sample deployment lives in. */
export const sampleAccount = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' } as const;

/** One stack in the sample account: its template, its parameter overrides and what CloudFormation named. */
export interface Deployment {
	stackName: string;
	template: Cfn;
	/** `--parameter-overrides`; the others take their Default. */
	parameters?: Readonly<Record<string, string>>;
	/** The exports of the other stacks in the account, for Fn::ImportValue. */
	exports?: Readonly<Record<string, string>>;
	/** Logical id → what Ref returns (the physical id CloudFormation gave the resource). */
	refs?: Readonly<Record<string, string>>;
	/** `Logical.Attribute` → what Fn::GetAtt returns. */
	attributes?: Readonly<Record<string, string>>;
}

/**
 * What CloudFormation makes of a template's values in the sample account: Ref (parameters, pseudo
 * parameters, resources), Fn::Sub, Fn::ImportValue, Fn::GetAtt, Fn::If and Fn::Equals/Fn::Not conditions,
 * AWS::NoValue. Anything else it cannot know throws, so a test never compares against a guess.
 */
export class Resolver {
	readonly deployment: Deployment;

	constructor(deployment: Deployment) {
		this.deployment = deployment;
	}

	resolve(node: Cfn): Cfn {
		if (node === null || typeof node !== 'object') return node;
		if (Array.isArray(node)) return node.map((item) => this.resolve(item)).filter((item) => item !== Resolver.noValue);
		if ('Ref' in node) return this.ref(node.Ref);
		if ('Fn::ImportValue' in node) {
			const name = this.resolve(node['Fn::ImportValue']);
			const value = this.deployment.exports?.[name];
			if (value === undefined) throw new Error(`${this.deployment.stackName}: no export named ${name} in the account`);
			return value;
		}
		if ('Fn::Sub' in node) {
			const [text, variables] = Array.isArray(node['Fn::Sub']) ? node['Fn::Sub'] : [node['Fn::Sub'], {}];
			const local: Record<string, string> = Object.fromEntries(
				Object.entries(variables).map(([key, value]) => [key, this.resolve(value)]),
			);
			return text.replace(/\$\{([^}]+)\}/g, (_: string, name: string) =>
				name in local ? local[name] : name.includes('.') ? this.attribute(name) : this.ref(name),
			);
		}
		if ('Fn::GetAtt' in node) {
			const path = node['Fn::GetAtt'];
			return this.attribute(Array.isArray(path) ? path.join('.') : path);
		}
		if ('Fn::If' in node) {
			const [condition, whenTrue, whenFalse] = node['Fn::If'];
			return this.resolve(this.condition(condition) ? whenTrue : whenFalse);
		}
		const entries = Object.entries(node).map(([key, value]) => [key, this.resolve(value)]);
		return Object.fromEntries(entries.filter(([, value]) => value !== Resolver.noValue));
	}

	/** Whether a named condition of the template holds with this deployment's parameters. */
	condition(name: string): boolean {
		const definition = this.deployment.template.Conditions?.[name];
		if (definition === undefined) throw new Error(`${this.deployment.stackName}: no condition ${name}`);
		return this.truth(definition);
	}

	/** The value of a parameter: the override, else the template's Default. */
	parameter(name: string): string {
		const override = this.deployment.parameters?.[name];
		if (override !== undefined) return override;
		const definition = this.deployment.template.Parameters?.[name];
		if (definition?.Default === undefined)
			throw new Error(`${this.deployment.stackName}: parameter ${name} has no value and no Default`);
		return String(definition.Default);
	}

	/** The resources CloudFormation creates: those whose Condition holds. */
	createdResources(): [string, Cfn][] {
		return Object.entries(this.deployment.template.Resources ?? {}).filter(
			([, resource]: [string, Cfn]) => resource.Condition === undefined || this.condition(resource.Condition),
		);
	}

	/** The stack's exports (name → value), from the outputs whose Condition holds. */
	exports(): Record<string, string> {
		return Object.fromEntries(
			Object.values(this.deployment.template.Outputs ?? {})
				.filter((output: Cfn) => output.Export && (output.Condition === undefined || this.condition(output.Condition)))
				.map((output: Cfn) => [this.resolve(output.Export.Name), this.resolve(output.Value)]),
		);
	}

	private static readonly noValue = Symbol('AWS::NoValue');

	private ref(name: string): Cfn {
		const pseudo: Record<string, string> = {
			'AWS::Partition': sampleAccount.partition,
			'AWS::Region': sampleAccount.region,
			'AWS::AccountId': sampleAccount.accountId,
			'AWS::StackName': this.deployment.stackName,
		};
		if (name === 'AWS::NoValue') return Resolver.noValue;
		if (name in pseudo) return pseudo[name];
		if (name in (this.deployment.template.Parameters ?? {})) return this.parameter(name);
		const physical = this.deployment.refs?.[name];
		if (physical === undefined) throw new Error(`${this.deployment.stackName}: no value for Ref ${name}`);
		return physical;
	}

	private attribute(path: string): string {
		const value = this.deployment.attributes?.[path];
		if (value === undefined) throw new Error(`${this.deployment.stackName}: no value for Fn::GetAtt ${path}`);
		return value;
	}

	private truth(node: Cfn): boolean {
		if ('Fn::Equals' in node) {
			const [left, right] = node['Fn::Equals'].map((side: Cfn) => this.resolve(side));
			return String(left) === String(right);
		}
		if ('Fn::Not' in node) return !this.truth(node['Fn::Not'][0]);
		if ('Condition' in node) return this.condition(node.Condition);
		throw new Error(`${this.deployment.stackName}: unsupported condition ${JSON.stringify(node)}`);
	}
}
