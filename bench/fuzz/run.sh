#!/usr/bin/env bash
# A hostile-input soak: HostileInputTests (the suite ./test.sh runs with 20,000 requests and a fixed seed) with many
# more requests and a fresh random seed. Every failure is printed with its seed and request number, and the same
# command with that seed replays the run exactly.
#
#   bench/fuzz/run.sh                 200,000 requests, random seed
#   bench/fuzz/run.sh 50000 12345     50,000 requests, seed 12345 (a replay)
#
# Writes bench/fuzz/results/<seed>.txt: the run's summary and any failures.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
requests="${1:-200000}"
seed="${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}"
threads="${FUZZ_THREADS:-4}"
echo "bench/fuzz: $requests hostile requests, seed $seed, $threads threads (replay: bench/fuzz/run.sh $requests $seed)"
output=target/surefire-reports/com.returnit.fuzz.HostileInputTests-output.txt
rm -f "$output" target/fuzz-progress.txt
mkdir -p bench/fuzz/results target
touch target/fuzz-progress.txt
# progress: the suite appends a line every 5,000 requests
tail -n +1 -F target/fuzz-progress.txt 2>/dev/null &
progress=$!
trap 'kill $progress 2>/dev/null || true' EXIT
status=0
./mvnw -B -q -Dweb.skip=true -Dtest=HostileInputTests -Dsurefire.failIfNoSpecifiedTests=false \
	-Dfuzz.seed="$seed" -Dfuzz.requests="$requests" -Dfuzz.threads="$threads" test >/dev/null 2>&1 || status=$?
sleep 1
result="bench/fuzz/results/$seed.txt"
{
	echo "# bench/fuzz/run.sh $requests $seed ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
	grep -E "^fuzz" "$output" || echo "fuzz: the suite did not run; see $output"
} > "$result"
echo "bench/fuzz: $(tail -n +2 "$result" | grep -E 'requests in' || true)"
if [ "$status" -ne 0 ]; then
	echo "bench/fuzz: FAILED with seed $seed; failures are in $result and $output" >&2
	exit "$status"
fi
echo "bench/fuzz: no 5xx and every 4xx a problem; summary in $result"
