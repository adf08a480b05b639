# Sourced by deploy/local/test.d/dlq-roundtrip and deploy/local/cmd/bench-kafka: starts a real single-node KRaft
# broker as a child process, from the `broker` profile of deploy/local/dlq/pom.xml (copied once to
# .earshot/dlq-broker-lib). After start_kraft_broker WORKDIR: $KAFKA_CP is the classpath (Kafka's tools run from it),
# $BOOTSTRAP the broker's address, $BROKER_PID its process; stop_kraft_broker stops it.

kraft_classpath() {
  local root lib stamp
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
  lib="$root/.earshot/dlq-broker-lib"
  stamp=$(sha256sum "$root/deploy/local/dlq/pom.xml" | cut -c1-16)
  if [ "$(cat "$lib/.pom" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$lib" && mkdir -p "$lib"
    mvn -q -B -Dstyle.color=never -Dbroker -f "$root/deploy/local/dlq/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$lib" -DincludeScope=runtime >"$lib.log" 2>&1 || { cat "$lib.log" >&2; return 1; }
    echo "$stamp" > "$lib/.pom"
  fi
  KAFKA_CP="$lib/*"
}

start_kraft_broker() {
  local work=$1 port cport
  kraft_classpath || return 1
  read -r port cport < <(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
  cat > "$work/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat > "$work/log4j2.properties" <<'PROPS'
rootLogger.level=WARN
rootLogger.appenderRef.out.ref=out
appender.out.type=Console
appender.out.name=out
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=%d %p %c{1} %m%n
logger.server.name=kafka.server.KafkaRaftServer
logger.server.level=INFO
logger.broker.name=kafka.server.BrokerServer
logger.broker.level=INFO
PROPS
  java -cp "$KAFKA_CP" kafka.tools.StorageTool format -t "$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid)" \
    -c "$work/server.properties" >"$work/format.log" 2>&1 || { cat "$work/format.log" >&2; return 1; }
  java -Xmx512m -Dlog4j2.configurationFile="$work/log4j2.properties" -cp "$KAFKA_CP" kafka.Kafka \
    "$work/server.properties" >"$work/broker.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 1 120); do grep -q "Kafka Server started" "$work/broker.log" && break; sleep 0.5; done
  grep -q "Kafka Server started" "$work/broker.log" || { echo "broker did not start:" >&2; tail -30 "$work/broker.log" >&2; return 1; }
  BOOTSTRAP="127.0.0.1:$port"
}

stop_kraft_broker() {
  if [ -n "${BROKER_PID:-}" ]; then
    kill "$BROKER_PID" 2>/dev/null && wait "$BROKER_PID" 2>/dev/null
    BROKER_PID=""
  fi
  return 0
}
