/**
 * An access-log line in the Common or Combined Log Format, what Apache httpd and nginx write by
 * default: `client ident user [time] "METHOD target PROTOCOL" status bytes ["referrer" "agent"]`.
 * Error logs (`[Sat Nov 22 …] [core:error] …`, `2026/11/22 10:15:01 [error] …`) and syslog lines do
 * not have this shape.
 */
const accessLogLine = /^\S+ \S+ \S+ \[[^\]]+\] "[A-Z]+ \S+(?: HTTP\/[\d.]+)?" [1-5]\d\d (?:\d+|-)(?:\s|$)/;

export function isAccessLogLine(message: string): boolean {
	return accessLogLine.test(message.trimStart());
}
