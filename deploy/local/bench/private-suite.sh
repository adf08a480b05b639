# shellcheck shell=bash
# Helpers shared by `./suite bench e2e`, `./suite bench queue` and `./suite chaos`: a private Earshot (its own
# EARSHOT_HOME in a temporary folder, free ports, its own secrets and passwords) started with the local runtime
# (deploy/local/lib/runtime.sh), the bench project (bench/pom.xml, outside the reactor) built on demand, and
# per-process CPU and memory read from /proc.
# Sourced after ROOT is set; defines WORK, BENCH_CP and the ports. The script then calls harness_init NAME and
# harness_on_exit bench_cleanup (deploy/local/lib/harness.sh), so that no process outlives it.

WORK=$(mktemp -d "${TMPDIR:-/tmp}/earshot-bench.XXXXXX")
read -r EARSHOT_KAFKA_PORT EARSHOT_KAFKA_CONTROLLER_PORT EARSHOT_REDIS_PORT EARSHOT_INGEST_PORT EARSHOT_TRIAGE_PORT \
  EARSHOT_REPLY_PORT < <(python3 -c 'import socket
s=[socket.socket() for _ in range(6)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
export EARSHOT_HOME="$WORK/run" EARSHOT_KAFKA_PORT EARSHOT_KAFKA_CONTROLLER_PORT EARSHOT_REDIS_PORT EARSHOT_INGEST_PORT \
  EARSHOT_TRIAGE_PORT EARSHOT_REPLY_PORT
mkdir -p "$EARSHOT_HOME"
# shellcheck source=../lib/runtime.sh
source "$ROOT/deploy/local/lib/runtime.sh"

# Secrets and passwords of this private run only (never printed).
rand_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
export EARSHOT_META_APP_SECRET=${EARSHOT_META_APP_SECRET:-$(rand_secret)}
export EARSHOT_META_VERIFY_TOKEN=${EARSHOT_META_VERIFY_TOKEN:-$(rand_secret)}
export EARSHOT_GENERIC_WEBHOOK_SECRET=${EARSHOT_GENERIC_WEBHOOK_SECRET:-$(rand_secret)}
export EARSHOT_INGEST_API_KEY=${EARSHOT_INGEST_API_KEY:-$(rand_secret)}
export EARSHOT_GENERIC_CALLBACK_SECRET=${EARSHOT_GENERIC_CALLBACK_SECRET:-$(rand_secret)}
export EARSHOT_ADMIN_PASSWORD=${EARSHOT_ADMIN_PASSWORD:-$(rand_secret)}
export EARSHOT_SUPERVISOR_PASSWORD=${EARSHOT_SUPERVISOR_PASSWORD:-$(rand_secret)}
export EARSHOT_RESPONDER_PASSWORD=${EARSHOT_RESPONDER_PASSWORD:-$(rand_secret)}
# The load generator is one client sending far more than any one integrator: lift ingest's per-source rate limits.
export EARSHOT_INGEST_RATE_LIMIT_GENERIC=${EARSHOT_INGEST_RATE_LIMIT_GENERIC:-1000000}
export EARSHOT_INGEST_RATE_LIMIT_API=${EARSHOT_INGEST_RATE_LIMIT_API:-1000000}
export EARSHOT_INGEST_RATE_LIMIT_META=${EARSHOT_INGEST_RATE_LIMIT_META:-1000000}

BENCH_KEEP=${BENCH_KEEP:-0}
# The exit hook of a script that sourced this (harness_on_exit bench_cleanup, after harness_init): by then
# deploy/local/lib/harness.sh has stopped every process the script started.
bench_cleanup() {
  if [ "$BENCH_KEEP" = 1 ]; then echo "state kept in $WORK" >&2; else rm -rf "$WORK"; fi
}

# Builds bench/ (outside the reactor) when its sources are newer than its jar; sets BENCH_CP.
bench_build() {
  local jar="$ROOT/bench/target/bench.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "building the load generator (bench/pom.xml)..." >&2
    mvn -q -B -Dstyle.color=never -f "$ROOT/bench/pom.xml" package >"$WORK/bench-build.log" 2>&1 \
      || { cat "$WORK/bench-build.log" >&2; rt_die "could not build bench/"; }
  fi
  BENCH_CP="$jar:$ROOT/bench/target/lib/*"
}

bench_java() { java -Xmx${BENCH_HEAP:-384m} -XX:+UseParallelGC -cp "$BENCH_CP" "$@"; }

# Packages the services when stale, then starts broker, Redis and the three services on the private ports.
suite_start() {
  rt_require_tools
  mkdir -p "$EARSHOT_CACHE"
  rt_build_if_needed
  # reply-service's staff accounts (admin, supervisor, responder) with this run's passwords.
  if [ -x "$ROOT/deploy/local/users/generate" ]; then
    "$ROOT/deploy/local/users/generate" "$EARSHOT_HOME/users.passwd" >/dev/null
    export EARSHOT_USERS_FILE="$EARSHOT_HOME/users.passwd"
  fi
  rt_start_kafka
  rt_start_redis
  for s in "${SERVICES[@]}"; do rt_start_service "$s"; done
  for s in "${SERVICES[@]}"; do rt_wait_ready "$s" 240; done
}

INGEST_URL() { echo "http://127.0.0.1:$EARSHOT_INGEST_PORT"; }
REPLY_URL() { echo "http://127.0.0.1:$EARSHOT_REPLY_PORT"; }
BOOTSTRAP() { echo "127.0.0.1:$EARSHOT_KAFKA_PORT"; }

# CPU seconds (user+system) used so far by a process: fields 14 and 15 of /proc/PID/stat, in clock ticks.
proc_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Peak resident set (VmHWM) of a process in MiB.
proc_peak_rss_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
TICKS=$(getconf CLK_TCK)

# Remembers each component's CPU ticks now (cpu_mark), then prints a markdown table of CPU seconds since the mark
# and peak RSS (cpu_report; extra "name pid" pairs add processes such as the load generator).
declare -A CPU_MARK
cpu_mark() { for c in "${COMPONENTS[@]}"; do CPU_MARK[$c]=$(proc_cpu_ticks "$(rt_pid "$c")"); done; }
cpu_report() {
  echo "| process | CPU seconds during the run | peak RSS (MiB) |"
  echo "|---|---:|---:|"
  for c in "${COMPONENTS[@]}"; do
    local pid; pid=$(rt_pid "$c")
    local now; now=$(proc_cpu_ticks "$pid")
    awk -v n="$c" -v a="${CPU_MARK[$c]:-0}" -v b="$now" -v t="$TICKS" -v r="$(proc_peak_rss_mb "$pid")" \
      'BEGIN {printf "| %s | %.1f | %s |\n", (n ~ /ingest|triage|reply/ ? n "-service" : n), (b - a) / t, r}'
  done
}

# A platform stub: WireMock standalone (from Maven Central) as its own process on a free port, answering reply-service's
# generic callback (POST /callback): about 1 in 5 attempts fails (503), about 1 in 10 answers only after 3 s (longer
# than reply-service's request timeout in these runs: a timeout whose reply the integrator nevertheless received), the
# rest 200 with a reply id. Chosen by the last digit of the request's X-Earshot-Timestamp, so each retry draws again.
# Sets STUB_URL and STUB_PID.
stub_start() {
  local dir="$EARSHOT_CACHE/wiremock" jar
  jar="$dir/wiremock-standalone-3.13.2.jar"
  if [ ! -f "$jar" ]; then
    mkdir -p "$dir"
    mvn -q -B -Dstyle.color=never dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
      -DoutputDirectory="$dir" >"$WORK/wiremock-fetch.log" 2>&1 || { cat "$WORK/wiremock-fetch.log" >&2; rt_die "could not fetch WireMock"; }
  fi
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/stub/mappings"
  cat >"$WORK/stub/mappings/callback.json" <<'JSON'
{"mappings": [
  {"priority": 1, "request": {"method": "POST", "urlPath": "/callback",
     "headers": {"X-Earshot-Timestamp": {"matches": ".*[05]$"}}},
   "response": {"status": 503, "body": "stub: unavailable"}},
  {"priority": 2, "request": {"method": "POST", "urlPath": "/callback",
     "headers": {"X-Earshot-Timestamp": {"matches": ".*3$"}}},
   "response": {"status": 200, "fixedDelayMilliseconds": 3000, "headers": {"Content-Type": "application/json"},
     "jsonBody": {"id": "r-{{request.headers.Idempotency-Key}}"}, "transformers": ["response-template"]}},
  {"priority": 5, "request": {"method": "POST", "urlPath": "/callback"},
   "response": {"status": 200, "headers": {"Content-Type": "application/json"},
     "jsonBody": {"id": "r-{{request.headers.Idempotency-Key}}"}, "transformers": ["response-template"]}}
]}
JSON
  java -Xmx256m -jar "$jar" --port "$port" --bind-address 127.0.0.1 --root-dir "$WORK/stub" --disable-banner \
    --async-response-enabled true >"$WORK/stub.log" 2>&1 &
  STUB_PID=$!
  STUB_URL="http://127.0.0.1:$port"
  rt_wait_for 60 "the platform stub" curl -fsS -o /dev/null "$STUB_URL/__admin/mappings" || rt_die "WireMock did not start"
}
