#!/usr/bin/env bash
# Local Kafka (KRaft, combined broker + controller) from the official Apache Kafka jars on Maven
# Central: no Docker, no tarball. See docs/runbooks/kafka.md.
#
#   kafka.sh start [--brokers N] [--lease ID]   start (or reuse) the local cluster
#   kafka.sh stop                               stop the nodes this state directory started
#   kafka.sh status                             say whether it runs (exit 0) or not (exit 3)
#   kafka.sh brokers                            print the bootstrap list of the running cluster
#   kafka.sh release ID                         drop a lease; stop if it was the last one
#   kafka.sh reset                              delete the state directory (when stopped)
#
# Leases let concurrent test runs share one cluster: each run starts with --lease <its pid> and
# releases at the end; the cluster stops with the last lease, and never when someone started it
# by hand.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
pom="$here/kafka/pom.xml"
log4j="$here/kafka/log4j2.properties"
state=${KAFKA_STATE_DIR:-$repo/.state/kafka}
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-$((port + 1000))}
heap=${KAFKA_HEAP:-512m}
start_timeout=${KAFKA_START_TIMEOUT:-90}
stop_timeout=${KAFKA_STOP_TIMEOUT:-30}
partitions=${KAFKA_PARTITIONS:-6}

say() { printf 'kafka: %s\n' "$*"; }
die() { printf 'kafka: %s\n' "$*" >&2; exit 1; }

node_dir() { echo "$state/node-$1"; }

# A PID counts only while it is still our broker: PIDs get reused.
node_pid() {
  local file pid
  file="$(node_dir "$1")/kafka.pid"
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$(node_dir "$1")/server.properties" || return 1
  echo "$pid"
}

recorded_brokers() { [[ -f $state/brokers ]] && cat "$state/brokers" || echo 0; }

running_nodes() {
  local n id
  n=$(recorded_brokers)
  for ((id = 1; id <= n; id++)); do node_pid "$id" >/dev/null && echo "$id"; done
  return 0
}

bootstrap() {
  local n=$1 id list=()
  for ((id = 1; id <= n; id++)); do list+=("127.0.0.1:$((port + id - 1))"); done
  (IFS=,; echo "${list[*]}")
}

# The classpath is resolved by Maven once per pom version; later starts only check the jars exist.
classpath() {
  local stamp file jar
  stamp=$(sha256sum "$pom" | cut -c1-16)
  file="$here/kafka/target/classpath-$stamp.txt"
  if [[ -s $file ]]; then
    local ok=1
    while IFS= read -r jar; do [[ -f $jar ]] || { ok=0; break; }; done < <(tr ':' '\n' <"$file")
    ((ok)) && { cat "$file"; return; }
  fi
  mkdir -p "$here/kafka/target"
  say "resolving the Kafka jars with Maven (first run only)" >&2
  mvn -q -B -f "$pom" dependency:build-classpath -Dmdep.outputFile="$file.tmp" >&2 \
    || die "Maven could not resolve $pom"
  mv "$file.tmp" "$file"
  cat "$file"
}

write_config() {
  local id=$1 n=$2 dir voters=() i rf=1 min_isr=1
  dir=$(node_dir "$id")
  for ((i = 1; i <= n; i++)); do voters+=("$i@127.0.0.1:$((controller_port + i - 1))"); done
  if ((n >= 3)); then rf=3; min_isr=2; fi
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# Written by deploy/local/kafka.sh on every start; edit the script, not this file.
node.id=$id
process.roles=broker,controller
listeners=PLAINTEXT://127.0.0.1:$((port + id - 1)),CONTROLLER://127.0.0.1:$((controller_port + id - 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$((port + id - 1))
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.voters=$(IFS=,; echo "${voters[*]}")
log.dirs=$dir/data
num.partitions=$partitions
default.replication.factor=$rf
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$min_isr
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$min_isr
# Topics are created by the bus's ensureTopics, so a typo in a topic name fails loudly.
auto.create.topics.enable=false
# Tests join fresh consumer groups all the time; the default 3 s wait only slows them down.
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
}

java_opts() {
  local dir=$1
  echo "-Xms64m -Xmx$heap -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true" \
    "-Dlog4j2.configurationFile=$log4j -Dkafka.logs.dir=$dir"
}

format_node() {
  local id=$1 cp=$2 cluster_id=$3 dir
  dir=$(node_dir "$id")
  [[ -f $dir/data/meta.properties ]] && return 0
  # shellcheck disable=SC2046
  java $(java_opts "$dir") -cp "$cp" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$dir/server.properties" --ignore-formatted >"$dir/format.log" 2>&1 \
    || { tail -n 20 "$dir/format.log" >&2; die "formatting node $id failed (log: $dir/format.log)"; }
}

# Class data sharing: node 1 records the classes it loaded when it exits, later starts map them in
# instead of parsing jars again. A stale or broken archive only costs the speed-up.
# The JVM writes the archive into the node's own directory (two clusters may exit at once); the next
# start moves a finished one into place with an atomic rename.
cds_opts() {
  local id=$1 archive dumped
  archive="$here/kafka/target/classes-$(sha256sum "$pom" | cut -c1-16).jsa"
  dumped="$(node_dir 1)/classes.jsa"
  [[ ! -s $archive && -s $dumped ]] && mv "$dumped" "$archive"
  if [[ -s $archive ]]; then echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  elif ((id == 1)); then echo "-XX:ArchiveClassesAtExit=$dumped -Xlog:cds=off -Xlog:cds+dynamic=off"; fi
}

launch_node() {
  local id=$1 cp=$2 dir
  dir=$(node_dir "$id")
  [[ -f $dir/kafka.log ]] && mv "$dir/kafka.log" "$dir/kafka.log.1"
  # setsid: the broker must outlive the shell (or test runner) that started it.
  # shellcheck disable=SC2046,SC2016
  setsid sh -c 'echo $$ >"$0/kafka.pid"; exec "$@"' "$dir" \
    java $(java_opts "$dir") $(cds_opts "$id") -cp "$cp" kafka.Kafka "$dir/server.properties" \
    >"$dir/kafka.log" 2>&1 </dev/null 9>&- &
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ready() {
  local id=$1 deadline=$2 dir
  dir=$(node_dir "$id")
  until port_open $((port + id - 1)) && grep -q 'Kafka Server started' "$dir/kafka.log" 2>/dev/null; do
    if ! node_pid "$id" >/dev/null && [[ -f $dir/kafka.pid ]]; then
      tail -n 40 "$dir/kafka.log" >&2
      die "node $id exited during start (log: $dir/kafka.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$dir/kafka.log" >&2
      die "node $id did not accept connections on 127.0.0.1:$((port + id - 1)) within ${start_timeout}s (log: $dir/kafka.log)"
    fi
    sleep 0.2
  done
}

lease_dir() { echo "$state/leases"; }

add_lease() { mkdir -p "$(lease_dir)" && : >"$(lease_dir)/$1"; }

# Leases are the PIDs of test runs; one that crashed without releasing must not pin the cluster.
live_leases() {
  local file
  for file in "$(lease_dir)"/*; do
    [[ -e $file ]] || continue
    if kill -0 "$(basename "$file")" 2>/dev/null; then echo "${file##*/}"; else rm -f "$file"; fi
  done
}

stop_nodes() {
  local ids=() pids=() alive=() id pid deadline majority quorum_lost_at
  mapfile -t ids < <(running_nodes)
  if ((${#ids[@]} == 0)); then say "not running"; return 0; fi
  for id in "${ids[@]}"; do pid=$(node_pid "$id") && pids+=("$pid") && kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + stop_timeout))
  majority=$(($(recorded_brokers) / 2 + 1))
  quorum_lost_at=-1
  while :; do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]} > 0)) || break
    # A node left without a controller quorum waits forever for its controlled shutdown.
    if (($(recorded_brokers) > 1 && ${#alive[@]} < majority && quorum_lost_at < 0)); then quorum_lost_at=$SECONDS; fi
    if ((quorum_lost_at >= 0 && SECONDS - quorum_lost_at >= 5)); then
      say "no controller quorum left for pid ${alive[*]}: killing it"; kill -KILL "${alive[@]}" 2>/dev/null || true; break
    fi
    if ((SECONDS >= deadline)); then
      say "pid ${alive[*]} ignored SIGTERM for ${stop_timeout}s: killing it"; kill -KILL "${alive[@]}" 2>/dev/null || true; break
    fi
    sleep 0.2
  done
  for id in "${ids[@]}"; do rm -f "$(node_dir "$id")/kafka.pid"; done
  rm -rf "$(lease_dir)" "$state/leased"
  say "stopped (pids ${pids[*]})"
}

start() {
  local n=1 lease='' id cp cluster_id deadline running began=$SECONDS
  while (($#)); do
    case $1 in
      --brokers) n=${2:?--brokers needs a number}; shift 2 ;;
      --lease) lease=${2:?--lease needs an id}; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "--brokers must be a positive number"
  if [[ -n ${KAFKA_BROKERS:-} ]]; then say "KAFKA_BROKERS is set ($KAFKA_BROKERS): using it, starting nothing"; return 0; fi

  running=$(running_nodes | wc -l)
  if ((running > 0)); then
    (($(recorded_brokers) == n)) || die "already running with $(recorded_brokers) broker(s); stop it before starting $n"
    ((running == n)) || die "only $running of $n nodes run; run 'kafka.sh stop' and start again"
    # Started by hand while a test run held it: nobody's lease may stop it now.
    if [[ -n $lease && -f $state/leased ]]; then add_lease "$lease"; else rm -f "$state/leased"; fi
    say "already running at $(bootstrap "$n")"
    return 0
  fi

  if (($(recorded_brokers) != n)) && [[ -d $state/node-1 ]]; then
    say "state in $state was formatted for $(recorded_brokers) broker(s): removing it to start $n"
    rm -rf "$state"/node-* "$state/cluster-id"
  fi
  mkdir -p "$state"
  echo "$n" >"$state/brokers"
  [[ -s $state/cluster-id ]] || head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$state/cluster-id"
  cluster_id=$(<"$state/cluster-id")
  cp=$(classpath)
  for ((id = 1; id <= n; id++)); do write_config "$id" "$n"; done
  local formats=()
  for ((id = 1; id <= n; id++)); do format_node "$id" "$cp" "$cluster_id" & formats+=($!); done
  for id in "${formats[@]}"; do wait "$id" || exit 1; done
  for ((id = 1; id <= n; id++)); do launch_node "$id" "$cp"; done
  deadline=$((SECONDS + start_timeout))
  for ((id = 1; id <= n; id++)); do wait_ready "$id" "$deadline"; done
  rm -rf "$(lease_dir)" "$state/leased"
  if [[ -n $lease ]]; then : >"$state/leased"; add_lease "$lease"; fi
  say "started $n broker(s) at $(bootstrap "$n") in $((SECONDS - began))s (logs: $state/node-*/kafka.log)"
}

status() {
  local n ids id
  [[ -n ${KAFKA_BROKERS:-} ]] && say "KAFKA_BROKERS is set ($KAFKA_BROKERS); the local cluster below is not used"
  n=$(recorded_brokers)
  mapfile -t ids < <(running_nodes)
  if ((${#ids[@]} == 0)); then say "not running (state: $state)"; return 3; fi
  for id in "${ids[@]}"; do
    say "node $id running, pid $(node_pid "$id"), 127.0.0.1:$((port + id - 1)), log $(node_dir "$id")/kafka.log"
  done
  ((${#ids[@]} == n)) || { say "only ${#ids[@]} of $n nodes run"; return 3; }
}

release() {
  local lease=${1:?release needs a lease id}
  rm -f "$(lease_dir)/$lease"
  [[ -f $state/leased ]] || return 0
  if [[ -n $(live_leases) ]]; then say "still leased by another run, leaving it running"; return 0; fi
  stop_nodes
}

main() {
  local command=${1:-}
  shift || true
  mkdir -p "$state"
  # One command at a time per state directory: concurrent test runs must not start it twice.
  exec 9>"$state/.lock"
  flock 9
  case $command in
    start) start "$@" ;;
    stop) stop_nodes ;;
    status) status ;;
    brokers) (($(running_nodes | wc -l) > 0)) || die "not running"; bootstrap "$(recorded_brokers)" ;;
    release) release "$@" ;;
    reset) (($(running_nodes | wc -l) == 0)) || die "running: stop it first"; rm -rf "${state:?}"/node-* "$state"/{brokers,cluster-id,leases,leased}; say "state removed" ;;
    *) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [[ -z $command ]] || exit 2 ;;
  esac
}

main "$@"
