/** The SNS topics among an alarm's actions (any partition: arn:aws, arn:aws-cn, arn:aws-us-gov). */
export const snsTopicsOf = (actions: readonly string[]): string[] =>
	actions.filter((action) => action.startsWith('arn:') && action.split(':')[2] === 'sns');
