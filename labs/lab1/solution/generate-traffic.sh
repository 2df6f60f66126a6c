#!/usr/bin/env bash
# Sends a realistic mix of requests to the Lab 1 web server so the access log, the metric filters
# and the availability alarm have data: mostly 200s, some 404s and a few 501s (Apache answers an
# unknown method with "501 Not Implemented", a server-side status the 5xx filter must count).
#   labs/lab1/solution/generate-traffic.sh http://203.0.113.10/ [rounds]
set -euo pipefail
url="${1:?usage: generate-traffic.sh URL [rounds]}"
rounds="${2:-3}"
for round in $(seq "$rounds"); do
	for i in $(seq 40); do curl -s -o /dev/null "$url"; done
	for i in $(seq 4); do curl -s -o /dev/null "${url%/}/missing-page-$i"; done
	for i in $(seq 2); do curl -s -o /dev/null -X BREW "$url"; done
	echo "round $round/$rounds: 46 requests sent"
	[ "$round" -lt "$rounds" ] && sleep 60
done
