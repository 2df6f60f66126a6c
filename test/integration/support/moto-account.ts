import { inject } from 'vitest';
import type { AwsClient, AwsClientClass } from '../../../graders/engine/clients.ts';

/** moto accepts any keys; these name the account 123456789012 there. */
export const motoCredentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/**
 * One Region per lab on the shared moto server, so the lab files can seed and read in parallel
 * without seeing each other's resources. IAM is global: IAM names carry the lab id.
 */
export const labRegions = { lab1: 'eu-west-1', lab2: 'eu-west-2', lab3: 'eu-central-1', lab4: 'eu-north-1' } as const;

export function motoEndpoint(): string {
	return inject('motoEndpoint');
}

/**
 * Plain SDK clients that write to moto: how the tests seed an account. Unlike the grader's clients
 * they have no read-only guard, and one attempt each, so a seeding mistake shows at once.
 */
export function seedingClients(region: string, endpoint = motoEndpoint()) {
	const clients = new Map<AwsClientClass<AwsClient>, AwsClient>();
	return {
		get<C extends AwsClient>(clientClass: AwsClientClass<C>): C {
			const existing = clients.get(clientClass);
			if (existing) return existing as C;
			const client = new clientClass({ region, endpoint, credentials: motoCredentials, maxAttempts: 1 });
			clients.set(clientClass, client);
			return client;
		},
		destroy() {
			for (const client of clients.values()) client.destroy();
		},
	};
}

export type SeedingClients = ReturnType<typeof seedingClients>;
