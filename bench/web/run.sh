#!/usr/bin/env bash
# Lighthouse on the web app's first pages: starts ReturnIt (demo data, its map without tiles: this machine reaches no
# tile server) on a free loopback port over a fresh embedded PostgreSQL, and a reference page (bench/web/reference.mjs),
# then runs Lighthouse 12.2.3 (mobile, simulated throttling, Debian's Chromium) on:
#   reference   the least a page can be, for ratios
#   start       /               the customer's first page
#   booking     /book           the booking flow, logged in as the demo customer (refresh cookie passed by header)
#   tracking    /track/{token}  the public tracking page of a demo order with a driver
#   operations  /ops            the operators' first page
# Prints each page's scores, LCP, JS transferred and the aims; writes bench/web/results/ (web.md, one HTML and JSON
# report per page). Stops the service at the end. KEEP_WORKDIR=1 keeps the service's data and log.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
RESULTS="bench/web/results"
CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}"; export CHROME_PATH
[ -x "$CHROME_PATH" ] || { echo "bench/web: Chromium is needed (apt-get install chromium)" >&2; exit 1; }

lock_sum="$(sha256sum bench/web/package-lock.json | cut -d' ' -f1)"
if [ "$(cat bench/web/node_modules/.installed-from 2>/dev/null)" != "$lock_sum" ]; then
  echo "== Installing Lighthouse 12.2.3 (npm ci, once)"
  npm ci --prefix bench/web --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > bench/web/node_modules/.installed-from
fi
if [ ! -f target/returnit.jar ] || [ -n "$(find web/src web/index.html -newer target/returnit.jar -print -quit)" ]; then
  echo "== Building target/returnit.jar (the web app changed since the last build)"
  ./mvnw -B -q -DskipTests package
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-bench-web.XXXXXX")"
SERVICE_PID=""; REFERENCE_PID=""
stop() {
  local status=$?
  [ -n "$REFERENCE_PID" ] && kill "$REFERENCE_PID" 2>/dev/null || true
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "== Stopping the service"
    kill -TERM "$SERVICE_PID"; for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  if [ "$status" -ne 0 ] && [ -f "$WORK/service.log" ]; then tail -n 30 "$WORK/service.log"; fi
  if [ "${KEEP_WORKDIR:-0}" = 1 ] || [ "$status" -ne 0 ]; then echo "== Work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap stop EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://localhost:$PORT"
echo "== Starting ReturnIt on $BASE (demo data, no map tiles)"
RETURNIT_DATA_DIR="$WORK/data" RETURNIT_MAP_STYLE_URL="" RETURNIT_DISPATCH_LEADTIME=48h \
  "$JAVA_HOME/bin/java" -Xmx1g -jar target/returnit.jar --server.port="$PORT" --returnit.demo.enabled=true \
  >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 180); do
  curl -sf "$BASE/actuator/health/readiness" >/dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service stopped"; exit 1; }
  [ $((i % 15)) -eq 0 ] && echo "   ...still starting ($i s)"
  sleep 1
done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
CUSTOMER='{"email":"customer@demo.returnit.local","password":"demo-password-123"}'
TOKEN="$(curl -sf -X POST "$BASE/v1/auth/token" -H 'Content-Type: application/json' -d "$CUSTOMER" | json "d['accessToken']")"
echo "== Waiting for a demo order with a driver (the simulated fleet)"
ORDER=""
for i in $(seq 1 120); do
  ORDER="$(curl -sf "$BASE/v1/orders?status=en_route&limit=1" -H "Authorization: Bearer $TOKEN" | json "d['data'][0]['id'] if d['data'] else ''")"
  [ -n "$ORDER" ] && break
  [ $((i % 15)) -eq 0 ] && echo "   ...no driver on the way yet ($i s)"
  sleep 1
done
[ -n "$ORDER" ] || { echo "no demo order got a driver within 120 s"; exit 1; }
TRACK="$(curl -sf "$BASE/v1/orders/$ORDER/tracking-link" -H "Authorization: Bearer $TOKEN" | json "d['url']")"

node bench/web/reference.mjs "$WORK/reference.port" &
REFERENCE_PID=$!
for _ in $(seq 1 20); do [ -s "$WORK/reference.port" ] && break; sleep 0.25; done
REFERENCE_PORT="$(cat "$WORK/reference.port")"

mkdir -p "$RESULTS"
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
lighthouse() {
  local name="$1" url="$2" headers="${3:-}"
  echo "== Lighthouse: $name ($url)"
  local extra=(); [ -n "$headers" ] && extra=(--extra-headers="$headers")
  bench/web/node_modules/.bin/lighthouse "$url" --quiet --chrome-flags="$FLAGS" \
    --only-categories=performance,accessibility,best-practices --output=json --output=html \
    --output-path="$RESULTS/$name" "${extra[@]}" >/dev/null
}
# the booking page needs a signed-in customer: a fresh refresh cookie for each run (a refresh token is single-use)
customer_cookie() {
  curl -si -X POST "$BASE/v1/auth/token" -H 'Content-Type: application/json' -H 'ReturnIt-Refresh: cookie' -d "$CUSTOMER" \
    | tr -d '\r' | awk -F'[ ;]' '/^Set-Cookie: returnit_refresh=/{print $2}'
}

lighthouse reference "http://127.0.0.1:$REFERENCE_PORT/"
lighthouse start "$BASE/"
lighthouse booking "$BASE/book" "{\"Cookie\": \"$(customer_cookie); returnit_signed_in=1\"}"
lighthouse tracking "$BASE$TRACK"
lighthouse operations "$BASE/ops"
echo
node bench/web/summarize.mjs "$RESULTS" start booking tracking operations
echo "Reports: $RESULTS/*.report.html"
