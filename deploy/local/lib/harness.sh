# shellcheck shell=bash
# Clean ends for scripts that start processes (chaos, benchmarks, the scripts of deploy/local/test.d): whatever a
# script started, directly or not (load generator, `tail`, broker, redis-server, services, stub, a watcher), is gone
# when it exits, on success, on failure and on Ctrl-C; a failure names the step it happened in.
#
#   harness_init NAME        call first; sets an EXIT trap (use harness_on_exit, not `trap ... EXIT`)
#   harness_on_exit FN       FN STATUS runs after every process is gone (copy logs, remove the state folder)
#   harness_step "what"      marks the start of a step; a failure after it says "NAME: FAILED in step 'what'"
#
# How "every process" is found: every descendant of the script's shell, and every process that carries a variable
# harness_init exports with a name unique to this run (EARSHOT_RUN_<random>): a process whose parent died and that
# was re-parented is no descendant any more, but it inherited the variable, and /proc/PID/environ shows it. At exit
# each is sent TERM, and KILL after a grace period. Nested scripts each have their own variable, so an inner script
# never stops its caller.
#
# EARSHOT_FAIL_STEP=PATTERN makes the step whose name matches the shell pattern fail on purpose (the tests of
# deploy/local/test.d/harness-faults use it to prove that a failure ends cleanly).

harness_init() { # name
  HARNESS_NAME=$1
  HARNESS_TAG="EARSHOT_RUN_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  export "$HARNESS_TAG=$$"
  HARNESS_STEP="start"
  HARNESS_HOOKS=()
  HARNESS_GRACE=${EARSHOT_STOP_GRACE:-15}
  trap 'harness_exit $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

harness_on_exit() { HARNESS_HOOKS+=("$1"); }

harness_step() { # what
  HARNESS_STEP=$1
  # shellcheck disable=SC2053
  if [ -n "${EARSHOT_FAIL_STEP:-}" ] && [[ $1 == $EARSHOT_FAIL_STEP ]]; then
    printf '%s: step "%s" fails on purpose (EARSHOT_FAIL_STEP)\n' "$HARNESS_NAME" "$1" >&2
    exit 1
  fi
}

# Pids of the live processes started by this run (this shell excluded): those that carry the run's variable and
# every descendant of this shell (redis-server rewrites its environment block for its process title, so the
# variable alone does not find it).
harness_pids() {
  local found pid
  # grep runs without the variable, so it does not find itself; ps and awk are gone once $( ) returns.
  found=$( { env -u "$HARNESS_TAG" grep -lsz -- "^$HARNESS_TAG=" /proc/[0-9]*/environ | sed 's#^/proc/##; s#/environ$##'
    ps -e -o pid= -o ppid= | awk -v root="$$" '{ kids[$2] = kids[$2] " " $1 }
      END { queue[1] = root; n = 1; for (i = 1; i <= n; i++) { split(kids[queue[i]], k, " ")
              for (j in k) { queue[++n] = k[j]; print k[j] } } }'; } | sort -un)
  for pid in $found; do
    [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
    local arg0=""
    # a zombie (exited, not yet reaped) has an empty command line: nothing left to stop
    { read -r -d '' arg0 <"/proc/$pid/cmdline"; } 2>/dev/null
    [ -n "$arg0" ] && echo "$pid"
  done
}

# "pid command" for each pid given, the command shortened to what tells the processes apart.
harness_describe() {
  local pid cmd
  for pid in "$@"; do
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    [ -n "$cmd" ] || continue
    # java's interesting word is its main class or jar, not its options
    cmd=$(sed -E 's/^(\S*java) .*(-jar \S+|-cp \S+ \S+).*/\1 \2/; s/-cp \S+ //' <<<"$cmd")
    cmd=${cmd%"${cmd##*[! ]}"}   # redis-server pads its process title with spaces
    printf '%s %s\n' "$pid" "${cmd:0:160}"
  done
}

# TERM to every process of this run, KILL after the grace period; returns when none is left (or says which).
harness_stop_all() { # grace seconds
  local grace=${1:-$HARNESS_GRACE} pids
  pids=$(harness_pids)
  [ -n "$pids" ] || return 0
  printf '%s: stopping %d process(es) it started:\n' "$HARNESS_NAME" "$(wc -w <<<"$pids")" >&2
  # shellcheck disable=SC2086
  harness_describe $pids | sed 's/^/    /' >&2
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null
  local until=$((SECONDS + grace))
  while [ -n "$(harness_pids)" ] && [ $SECONDS -lt "$until" ]; do sleep 0.2; done
  pids=$(harness_pids)
  if [ -n "$pids" ]; then
    printf '%s: still running after %ss, killed: %s\n' "$HARNESS_NAME" "$grace" "$(echo $pids)" >&2
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null
    until=$((SECONDS + 5))
    while [ -n "$(harness_pids)" ] && [ $SECONDS -lt "$until" ]; do sleep 0.1; done
  fi
  pids=$(harness_pids)
  [ -z "$pids" ] || { printf '%s: could not stop: %s\n' "$HARNESS_NAME" "$(echo $pids)" >&2; return 1; }
}

harness_exit() { # status
  local status=$1
  trap - EXIT INT TERM HUP
  set +e
  if [ "$status" -ne 0 ]; then
    printf '%s: FAILED in step "%s" (exit %s) at %s\n' "$HARNESS_NAME" "$HARNESS_STEP" "$status" "$(date +%s.%N)" >&2
  fi
  if harness_stop_all; then
    wait 2>/dev/null   # reaps this shell's children, so none lingers as a zombie
  elif [ "$status" -eq 0 ]; then
    status=1
  fi
  local hook
  for hook in "${HARNESS_HOOKS[@]}"; do "$hook" "$status"; done
  exit "$status"
}
