#!/usr/bin/env bash
# Shared by deploy/local/cmd/{train,evaluate,classify,bench-triage}: the classpath of triage-service's own classes
# and runtime dependencies, so the commands run exactly the code the service runs. Compiles triage-service (and what
# it needs) when its sources are newer than the last build. Source it; then call triage_classpath [test].
TRIAGE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
TRIAGE_MOD="$TRIAGE_ROOT/triage-service"

triage_classpath() { # [test]: include test classes and test-scoped dependencies (JMH)
  local scope=${1:-runtime} goal=compile classes="$TRIAGE_MOD/target/classes"
  [ "$scope" = test ] && goal=test-compile
  local cp="$TRIAGE_MOD/target/cli-$scope-cp.txt"
  local newer=""
  if [ -f "$cp" ]; then
    newer=$(find "$TRIAGE_MOD/src/main" "$TRIAGE_MOD/pom.xml" "$TRIAGE_ROOT/pom.xml" \
      $([ "$scope" = test ] && echo "$TRIAGE_MOD/src/test") -newer "$cp" -type f 2>/dev/null | head -1)
  fi
  if [ ! -f "$cp" ] || [ -n "$newer" ] || [ ! -d "$classes" ]; then
    echo "building triage-service ($goal)..." >&2
    if ! out=$(cd "$TRIAGE_ROOT" && mvn -q -B -Dstyle.color=never -pl triage-service -am -DskipTests \
        -Dquarkus.build.skip=true "$goal" dependency:build-classpath -Dmdep.includeScope="$scope" \
        -Dmdep.outputFile="target/cli-$scope-cp.txt" 2>&1); then
      echo "$out" | tail -40 >&2
      echo "triage: the build failed" >&2
      exit 1
    fi
  fi
  if [ "$scope" = test ]; then
    echo "$TRIAGE_MOD/target/test-classes:$classes:$(cat "$cp")"
  else
    echo "$classes:$(cat "$cp")"
  fi
}

# An absolute path for a path given relative to the caller's directory.
triage_abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
