import { z } from 'astro/zod';

/**
 * AWS services a page may name in its `awsServices` frontmatter. A closed list catches typos
 * ("Cloudwatch", "SSM") at build time and lets the site group pages by service.
 */
export const awsServiceNames = [
	'API Gateway',
	'AppConfig',
	'Application Signals',
	'Auto Scaling',
	'AWS Config',
	'Budgets',
	'CloudFormation',
	'CloudFront',
	'CloudShell',
	'CloudWatch',
	'CloudWatch Logs',
	'CodeBuild',
	'CodeDeploy',
	'CodePipeline',
	'Compute Optimizer',
	'Cost Explorer',
	'DynamoDB',
	'EBS',
	'EC2',
	'ECR',
	'ECS',
	'EFS',
	'EKS',
	'ElastiCache',
	'Elastic Load Balancing',
	'EventBridge',
	'EventBridge Scheduler',
	'Fault Injection Service',
	'IAM',
	'IAM Identity Center',
	'Lambda',
	'Organizations',
	'RDS',
	'Route 53',
	'S3',
	'S3 Glacier',
	'Secrets Manager',
	'SNS',
	'SQS',
	'Systems Manager',
	'VPC',
	'X-Ray',
] as const;

export const labIds = ['lab1', 'lab2', 'lab3', 'lab4'] as const;

/**
 * Course-specific frontmatter, merged into Starlight's docs schema. Every field is optional because
 * not every page is a module (home, glossary, labs), but each one is strictly typed when present.
 */
export const CoursePageSchema = z.object({
	/** Which day of the three-day course the page belongs to. */
	day: z.number().int().min(1).max(3).optional(),
	/** Module number, 1–13, in course order (see COURSE.md). */
	module: z.number().int().min(1).max(13).optional(),
	/** Planned teaching time in minutes, shown on day overviews. */
	durationMinutes: z.number().int().positive().max(600).optional(),
	/** AWS services the page teaches or uses. */
	awsServices: z.array(z.enum(awsServiceNames)).optional(),
	/** The lab this page belongs to or leads into. */
	lab: z.enum(labIds).optional(),
	/** A lab's cost in a few words, for the badges at the top of its page ("under US $1 if cleaned up the same day"). */
	costNote: z.string().min(1).max(60).optional(),
});

export type CoursePageInput = z.input<typeof CoursePageSchema>;
export type CoursePage = z.output<typeof CoursePageSchema>;
