# shellcheck shell=bash
# A bare PATH: what a fresh machine of the project's kind has, and nothing a developer installed by hand under the
# names scripts are tempted to call. Used by deploy/local/test.d/chaos-small and deploy/local/test.d/bare-path, and by
# hand (CONTRIBUTING.md, "Checking a change on a bare PATH"):
#
#   source deploy/local/lib/bare-path.sh; PATH=$(bare_path_make /tmp/bare) ./suite chaos --comments 300
#
# bare_path_make DIR makes DIR/bin: a link to every program in the machine image's own PATH directories, except
#   - BARE_HIDDEN: Redis servers a developer may have installed (the suite must use the one it ships);
#   - BARE_TRIPWIRES: tools that no fresh machine has and no script may call (redis-cli, kcat, nc, ...): in their
#     place a tripwire that fails with exit 127 and writes the call to DIR/tripwire.log, so a call that a script
#     hides (2>/dev/null, || true) is found all the same (bare_path_tripped prints what was called).
# Prints the PATH to use (DIR/bin alone).

BARE_IMAGE_DIRS=${BARE_IMAGE_DIRS:-/usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin}
BARE_HIDDEN=${BARE_HIDDEN:-redis-server redis-sentinel redis-check-aof redis-check-rdb keydb-server valkey-server}
BARE_TRIPWIRES=${BARE_TRIPWIRES:-redis-cli redis-benchmark valkey-cli keydb-cli kcat kafkacat nc netcat nc.openbsd \
nc.traditional ncat socat telnet kafka-topics kafka-topics.sh kafka-console-consumer kafka-console-consumer.sh \
kafka-console-producer kafka-console-producer.sh}

bare_path_make() { # dir
  local dir=$1 d name
  rm -rf "$dir/bin" && mkdir -p "$dir/bin" && : >"$dir/tripwire.log"
  # first directory wins, as on a PATH; `ln` refuses names already linked, which is what we want
  for d in $BARE_IMAGE_DIRS; do
    [ -d "$d" ] || continue
    find -L "$d" -maxdepth 1 -type f -perm -u+x -print0 2>/dev/null | xargs -0 -r ln -s -t "$dir/bin" 2>/dev/null
  done
  for name in $BARE_HIDDEN $BARE_TRIPWIRES; do rm -f "$dir/bin/$name"; done
  for name in $BARE_TRIPWIRES; do
    cat >"$dir/bin/$name" <<TRIP
#!/bin/sh
echo "$name \$*" >>"$dir/tripwire.log"
echo "$name: not on a fresh machine of this kind (bare PATH of deploy/local/lib/bare-path.sh)" >&2
exit 127
TRIP
    chmod +x "$dir/bin/$name"
  done
  echo "$dir/bin"
}

# What the tripwires caught, one call a line (nothing when no script called a forbidden tool).
bare_path_tripped() { cat "$1/tripwire.log" 2>/dev/null; }
