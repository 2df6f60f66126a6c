/**
 * A time for a Systems Manager filter value, in the form the API reference shows (ListCommands'
 * `InvokedAfter`: "specify 2021-07-07T00:00:00Z"): whole seconds, UTC, no milliseconds. Rounded
 * down, so nothing at the start of the window is lost; callers still compare the returned times.
 */
export function ssmFilterTimestamp(iso: string): string {
	return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
