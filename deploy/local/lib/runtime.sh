# shellcheck shell=bash
# The local runtime of Earshot, one machine, no Docker: a single-node KRaft Kafka broker and a redis-server as
# child processes, and the three packaged services. Sourced by ./suite and by scripts that need a runtime
# (tests, benchmarks, chaos runs). Everything it starts has a pid file under $EARSHOT_HOME/pids, so `stop_all`
# stops exactly what was started.
#
# Settings (environment):
#   EARSHOT_HOME                 state folder (default .earshot/run): pids, logs, broker data, redis data, secrets
#   EARSHOT_INGEST_PORT=8081  EARSHOT_TRIAGE_PORT=8082  EARSHOT_REPLY_PORT=8083
#   EARSHOT_KAFKA_PORT=9092   EARSHOT_KAFKA_CONTROLLER_PORT=9093   EARSHOT_REDIS_PORT=6379
#   EARSHOT_<SERVICE>_JAVA_OPTS  JVM options of one service (heap sizes by default)

EARSHOT_ROOT=${EARSHOT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
EARSHOT_HOME=${EARSHOT_HOME:-$EARSHOT_ROOT/.earshot/run}
EARSHOT_CACHE=${EARSHOT_CACHE:-$EARSHOT_ROOT/.earshot}
EARSHOT_INGEST_PORT=${EARSHOT_INGEST_PORT:-8081}
EARSHOT_TRIAGE_PORT=${EARSHOT_TRIAGE_PORT:-8082}
EARSHOT_REPLY_PORT=${EARSHOT_REPLY_PORT:-8083}
EARSHOT_KAFKA_PORT=${EARSHOT_KAFKA_PORT:-9092}
EARSHOT_KAFKA_CONTROLLER_PORT=${EARSHOT_KAFKA_CONTROLLER_PORT:-9093}
EARSHOT_REDIS_PORT=${EARSHOT_REDIS_PORT:-6379}
SERVICES=(ingest triage reply)
COMPONENTS=(kafka redis ingest triage reply)

# shellcheck source=harness.sh
source "$EARSHOT_ROOT/deploy/local/lib/harness.sh"

rt_log() { printf '%s\n' "$*" >&2; }
rt_die() { printf 'suite: %s\n' "$*" >&2; exit 1; }

rt_port_of() {
  case "$1" in
    ingest) echo "$EARSHOT_INGEST_PORT" ;; triage) echo "$EARSHOT_TRIAGE_PORT" ;; reply) echo "$EARSHOT_REPLY_PORT" ;;
    kafka) echo "$EARSHOT_KAFKA_PORT" ;; redis) echo "$EARSHOT_REDIS_PORT" ;; *) return 1 ;;
  esac
}

rt_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rt_pid() { cat "$EARSHOT_HOME/pids/$1.pid" 2>/dev/null; }

rt_alive() {
  local pid; pid=$(rt_pid "$1") || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Polls until a command succeeds or the time is up (a launcher waiting for a process, not a test).
rt_wait_for() { # seconds, description, command...
  local until=$((SECONDS + $1)) what=$2; shift 2
  while ! "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $until ] && { rt_log "timed out waiting for $what"; return 1; }
    sleep 0.2
  done
}

rt_require_tools() {
  command -v java >/dev/null || rt_die "java (JDK 17+) is not on the PATH"
  command -v mvn >/dev/null || rt_die "mvn (Maven) is not on the PATH"
  command -v curl >/dev/null || rt_die "curl is not on the PATH"
}

# Copies the dependencies of a pom once (re-copied when the pom changes); prints the folder.
rt_copy_deps() { # pom, folder, extra maven args...
  local pom=$1 dir=$2; shift 2
  local stamp; stamp=$( (cat "$pom"; echo "$*") | sha256sum | cut -c1-16)
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    mvn -q -B -Dstyle.color=never -f "$pom" "$@" dependency:copy-dependencies -DoutputDirectory="$dir" \
      -DincludeScope=runtime >"$dir.log" 2>&1 || { cat "$dir.log" >&2; rt_die "could not fetch $(basename "$pom") dependencies"; }
    echo "$stamp" >"$dir/.stamp"
  fi
  echo "$dir"
}

# A Redis command against this runtime's redis-server (deploy/local/bin/earshot-redis: no redis-cli needed).
rt_redis() { "$EARSHOT_ROOT/deploy/local/bin/earshot-redis" -p "$EARSHOT_REDIS_PORT" "$@"; }

rt_kafka_classpath() { echo "$(rt_copy_deps "$EARSHOT_ROOT/deploy/local/kafka/pom.xml" "$EARSHOT_CACHE/kafka-lib")/*"; }

# The machine's redis-server, else the real binary the embedded-redis artifact ships (Linux x86-64/arm64).
rt_redis_binary() {
  if command -v redis-server >/dev/null; then command -v redis-server; return; fi
  local bin="$EARSHOT_CACHE/redis/redis-server"
  if [ ! -x "$bin" ]; then
    local lib; lib=$(rt_copy_deps "$EARSHOT_ROOT/deploy/local/kafka/pom.xml" "$EARSHOT_CACHE/redis-lib" -Dredis)
    local jar; jar=$(ls "$lib"/embedded-redis-*.jar | head -1)
    local entry
    case "$(uname -m)" in
      x86_64|amd64) entry=redis-server-6.2.6-v5-linux-amd64 ;;
      aarch64|arm64) entry=redis-server-6.2.7-linux-arm64 ;;
      *) rt_die "no redis-server on the PATH and no bundled binary for $(uname -m): install redis-server" ;;
    esac
    mkdir -p "$(dirname "$bin")"
    unzip -p "$jar" "$entry" >"$bin.tmp" && chmod +x "$bin.tmp" && mv "$bin.tmp" "$bin"
  fi
  echo "$bin"
}

rt_launch() { # name, command... ; starts in the background with its own log and pid file
  local name=$1; shift
  mkdir -p "$EARSHOT_HOME/pids" "$EARSHOT_HOME/logs"
  nohup "$@" >>"$EARSHOT_HOME/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$EARSHOT_HOME/pids/$name.pid"
}

rt_check_free() { # name
  local port; port=$(rt_port_of "$1")
  rt_port_open "$port" && rt_die "port $port for $1 is taken by another program (set EARSHOT_${1^^}_PORT)"
  return 0
}

rt_log_since() { tail -c +"$2" "$1" 2>/dev/null | grep -q "$3"; } # file, byte offset (1-based), pattern

rt_start_kafka() {
  rt_alive kafka && return 0
  rt_check_free kafka
  local cp; cp=$(rt_kafka_classpath)
  local data="$EARSHOT_HOME/kafka-data" conf="$EARSHOT_HOME/kafka.properties"
  mkdir -p "$data" "$EARSHOT_HOME/logs"
  cat >"$conf" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$EARSHOT_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$EARSHOT_KAFKA_PORT,CONTROLLER://127.0.0.1:$EARSHOT_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$EARSHOT_KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
num.partitions=6
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  if [ ! -f "$data/meta.properties" ]; then
    local id; id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid)
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$conf" >"$EARSHOT_HOME/logs/kafka-format.log" 2>&1 \
      || { cat "$EARSHOT_HOME/logs/kafka-format.log" >&2; rt_die "could not format the Kafka data folder"; }
  fi
  # The log is appended across restarts: only what this start writes counts, or a restart would look ready at once.
  local log="$EARSHOT_HOME/logs/kafka.log" from
  from=$(( $(stat -c %s "$log" 2>/dev/null || echo 0) + 1 ))
  rt_launch kafka java ${EARSHOT_KAFKA_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseG1GC} \
    -Dlog4j2.configurationFile="$EARSHOT_ROOT/deploy/local/kafka/log4j2.properties" -cp "$cp" kafka.Kafka "$conf"
  rt_wait_for 60 "the Kafka broker" rt_log_since "$log" "$from" "Kafka Server started" \
    || { tail -20 "$EARSHOT_HOME/logs/kafka.log" >&2; rt_die "the Kafka broker did not start"; }
  rt_keep_topics "$cp"
}

# comments.triaged and replies are the log the reply queue is rebuilt from: kept without a time limit, as the
# Strimzi topics in deploy/k8s are (docs/operations.md, "Rebuilding the queue"); the others keep the broker's 7 days.
EARSHOT_KEPT_TOPICS="comments.triaged replies"
rt_keep_topics() { # kafka classpath
  java -cp "$1" "$EARSHOT_ROOT/deploy/local/kafka/KeepTopics.java" "127.0.0.1:$EARSHOT_KAFKA_PORT" retention.ms=-1 \
    $EARSHOT_KEPT_TOPICS >>"$EARSHOT_HOME/logs/kafka-topics.log" 2>&1 \
    || { tail -5 "$EARSHOT_HOME/logs/kafka-topics.log" >&2; rt_die "could not keep $EARSHOT_KEPT_TOPICS without a time limit"; }
}


rt_start_redis() {
  rt_alive redis && return 0
  rt_check_free redis
  local bin; bin=$(rt_redis_binary)
  mkdir -p "$EARSHOT_HOME/redis-data"
  rt_launch redis "$bin" --port "$EARSHOT_REDIS_PORT" --bind 127.0.0.1 --dir "$EARSHOT_HOME/redis-data" \
    --save "" --appendonly yes --daemonize no
  rt_wait_for 20 "redis-server" rt_port_open "$EARSHOT_REDIS_PORT" || rt_die "redis-server did not start"
}

rt_jar() { echo "$EARSHOT_ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

# True when a service's packaged jar is missing or older than its sources (or the shared modules').
rt_stale() {
  local jar; jar=$(rt_jar "$1")
  [ -f "$jar" ] || return 0
  [ -n "$(find "$EARSHOT_ROOT/$1-service/src" "$EARSHOT_ROOT/$1-service/pom.xml" "$EARSHOT_ROOT/commons/src" \
      "$EARSHOT_ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}

rt_build_if_needed() {
  local stale=()
  for s in "${SERVICES[@]}"; do rt_stale "$s" && stale+=("$s-service"); done
  [ ${#stale[@]} -eq 0 ] && return 0
  rt_log "building ${stale[*]} (mvn package, tests skipped; ./suite test runs them)..."
  mkdir -p "$EARSHOT_CACHE"   # a fresh clone has no .earshot yet when its first command builds
  # package, not install: the reactor builds commons for the services; nothing is written to ~/.m2
  (cd "$EARSHOT_ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package -pl "$(IFS=,; echo "${stale[*]}")" -am) \
    >"$EARSHOT_CACHE/build.log" 2>&1 || { tail -40 "$EARSHOT_CACHE/build.log" >&2; rt_die "the build failed (log: .earshot/build.log)"; }
}

rt_default_java_opts() {
  case "$1" in
    ingest) echo "-Xms64m -Xmx160m" ;; triage) echo "-Xms48m -Xmx160m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k" ;; reply) echo "-Xms64m -Xmx160m" ;;
  esac
}

# reply-service's dashboard keys, which its prod profile requires (every replica must share them): from the
# environment when set, else kept in $EARSHOT_HOME/secrets.env (generated there once, mode 600), so sessions and CSRF
# tokens survive a restart of the local reply-service. Standard Base64 of 32 random bytes (the CSRF key is decoded).
rt_dashboard_keys() {
  local file="$EARSHOT_HOME/secrets.env" name value
  mkdir -p "$EARSHOT_HOME"
  for name in QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY EARSHOT_DASHBOARD_CSRF_KEY; do
    [ -n "${!name:-}" ] && continue
    value=""
    # (no secrets.env yet in a private run: sed would fail, and under pipefail so would the script)
    [ -f "$file" ] && value=$(sed -n "s/^$name=//p" "$file" | tail -1)
    if [ -z "$value" ]; then
      value=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
      (umask 077; echo "$name=$value" >>"$file")
    fi
    export "$name=$value"
  done
}

# reply-service signs approvals and starts only with keys (earshot.reply.approval.*): unless the environment gives
# them, a local key is generated once into the state folder, so a restarted reply-service verifies what it signed.
rt_approval_key() {
  [ -n "${EARSHOT_REPLY_APPROVAL_KEYS:-}" ] && return 0
  local file="$EARSHOT_HOME/approval-key.env"
  if [ ! -f "$file" ]; then
    (umask 077
     { echo "EARSHOT_REPLY_APPROVAL_KEY_ID=local"
       echo "EARSHOT_REPLY_APPROVAL_KEYS=local:$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"; } >"$file")
  fi
  set -a
  # shellcheck disable=SC1090
  source "$file"
  set +a
}

rt_start_service() { # ingest|triage|reply
  local s=$1
  rt_alive "$s" && return 0
  rt_check_free "$s"
  [ "$s" = reply ] && rt_approval_key
  local var="EARSHOT_${s^^}_JAVA_OPTS"
  local opts=${!var:-$(rt_default_java_opts "$s") -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
  [ "$s" = reply ] && rt_dashboard_keys
  # The packaged services run their prod profile, which in Kubernetes authenticates to Kafka (SASL_SSL, SCRAM) and
  # Redis (an ACL user per service). Locally there are no passwords: the broker and redis-server listen on 127.0.0.1
  # only, so nothing off this machine reaches them, and they hold only this machine's test data. Hence plain Kafka
  # here, and no EARSHOT_REDIS_PASSWORD (without one the services send no AUTH).
  # The local API key may submit for every platform (the demo, the benches and chaos post Facebook, X, ... comments
  # through /api/comments); in Kubernetes it stays `generic` unless the Secret's config says more.
  # shellcheck disable=SC2086
  EARSHOT_INGEST_API_KEY_PLATFORMS=${EARSHOT_INGEST_API_KEY_PLATFORMS:-*} \
  QUARKUS_HTTP_PORT=$(rt_port_of "$s") \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$EARSHOT_KAFKA_PORT" \
  KAFKA_SECURITY_PROTOCOL=PLAINTEXT \
  EARSHOT_REDIS_URI="redis://127.0.0.1:$EARSHOT_REDIS_PORT" \
    rt_launch "$s" java $opts -jar "$(rt_jar "$s")"
}

rt_ready() { curl -fsS -o /dev/null "http://127.0.0.1:$(rt_port_of "$1")/q/health/ready"; }

rt_wait_ready() { # service, seconds
  rt_wait_for "${2:-120}" "$1-service to be ready" rt_ready "$1" \
    || { tail -30 "$EARSHOT_HOME/logs/$1.log" >&2; rt_die "$1-service did not become ready (log: $EARSHOT_HOME/logs/$1.log)"; }
}

rt_stop() { # component; TERM, then KILL after 20 s
  local pid; pid=$(rt_pid "$1") || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    local until=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $until ]; do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$EARSHOT_HOME/pids/$1.pid"
}

rt_stop_all() {
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do rt_stop "${COMPONENTS[$i]}"; done
}
