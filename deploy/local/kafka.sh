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

say() { printf 'kafka: %s\n' "$*"; }
die() { printf 'kafka: %s\n' "$*" >&2; exit 1; }

# --- settings ----------------------------------------------------------------------------------

# Every setting is checked before it reaches an argument, server.properties or shell arithmetic
# (which would evaluate text such as a[$(command)]); a bad one stops the script naming it.
number_setting() {
  local name=$1 default=$2 min=$3 max=$4 value
  value=${!name:-$default}
  if ! [[ $value =~ ^[0-9]{1,9}$ ]] || ((10#$value < min || 10#$value > max)); then
    die "$name must be a whole number from $min to $max, not '$value'"
  fi
  echo $((10#$value))
}

# Relative to the repository, like STACK_STATE_DIR: an absolute path never begins with "-", and
# `stop` finds the nodes from any working directory.
state=${KAFKA_STATE_DIR:-$repo/.state/kafka}
case $state in /*) ;; *) state=$repo/$state ;; esac
# server.properties separates log.dirs by commas and reads backslashes as escapes.
[[ $state != *[,$'\n'\\]* ]] || die "KAFKA_STATE_DIR must not contain a comma, a backslash or a newline: '$state'"
port=$(number_setting KAFKA_PORT 9092 1 65535)
controller_port=$((port + 1000))
[[ -z ${KAFKA_CONTROLLER_PORT:-} ]] || controller_port=$(number_setting KAFKA_CONTROLLER_PORT '' 1 65535)
heap=${KAFKA_HEAP:-512m}
[[ $heap =~ ^[1-9][0-9]{0,6}[kKmMgG]?$ ]] || die "KAFKA_HEAP must be a JVM heap size such as 512m, not '$heap'"
start_timeout=$(number_setting KAFKA_START_TIMEOUT 90 1 86400)
stop_timeout=$(number_setting KAFKA_STOP_TIMEOUT 30 1 86400)
partitions=$(number_setting KAFKA_PARTITIONS 6 1 10000)

# n nodes listen on n client ports from KAFKA_PORT and n controller ports from KAFKA_CONTROLLER_PORT.
check_ports() {
  local n=$1 last=$(($1 - 1))
  ((port + last <= 65535 && controller_port + last <= 65535)) \
    || die "$n broker(s) need ports $port-$((port + last)) and $controller_port-$((controller_port + last)): lower KAFKA_PORT or KAFKA_CONTROLLER_PORT"
  ((controller_port > port + last || controller_port + last < port)) \
    || die "client ports $port-$((port + last)) and controller ports $controller_port-$((controller_port + last)) overlap: move KAFKA_CONTROLLER_PORT"
}

# Before anything starts: a port that already answers (another state directory's cluster on the
# same numbers, say) would only show as a node that exits, its reason deep in its log.
check_ports_free() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    ! port_open $((port + i)) || die "127.0.0.1:$((port + i)) (node $((i + 1))'s client port, from KAFKA_PORT) is in use by another process: choose another KAFKA_PORT"
    ! port_open $((controller_port + i)) || die "127.0.0.1:$((controller_port + i)) (node $((i + 1))'s controller port, from KAFKA_CONTROLLER_PORT or KAFKA_PORT + 1000) is in use by another process: choose other ports"
  done
}

# A lease is the PID of the run that holds it; it also names a file and goes to kill.
check_lease() {
  [[ $1 =~ ^[1-9][0-9]{0,9}$ ]] || die "a lease is the PID of the process that holds it, not '$1'"
}

# --- processes ---------------------------------------------------------------------------------

# The fields of /proc/PID/stat after "PID (comm) ": state first, start time 20th. comm may hold
# spaces and parentheses, hence the cut after the last ") ".
proc_stat() {
  local stat
  { stat=$(<"/proc/$1/stat"); } 2>/dev/null || return 1
  echo "${stat##*) }"
}

# This machine's init reaps orphans late: an exited process stays a zombie for a while, and
# kill -0 would call it alive.
running() {
  local stat
  stat=$(proc_stat "$1") || return 1
  [[ $stat != [ZX]* ]]
}

# With PIDs reused (pid_max may be 32768, and every JVM thread takes one), a PID names the same
# process only together with its start time.
started_at() {
  local stat fields
  stat=$(proc_stat "$1") || return 1
  read -ra fields <<<"$stat"
  ((${#fields[@]} > 19)) || return 1
  echo "${fields[19]}"
}

node_dir() { echo "$state/node-$1"; }

# A PID counts only while it is still our broker: PIDs get reused.
node_pid() {
  local file pid
  file="$(node_dir "$1")/kafka.pid"
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  # One whole argument, so neither a zombie (empty command line) nor a broker of a state
  # directory whose path ends in this one passes.
  tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$(node_dir "$1")/server.properties" || return 1
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

classpath_file() { echo "$here/kafka/target/classpath-$(sha256sum "$pom" | cut -c1-16).txt"; }

cached_classpath() {
  local file jar
  file=$(classpath_file)
  [[ -s $file ]] || return 1
  while IFS= read -r jar; do [[ -f $jar ]] || return 1; done < <(tr ':' '\n' <"$file")
  cat "$file"
}

# The classpath is resolved by Maven once per pom version; later starts only check the jars exist.
# Clusters of different state directories (different locks) may start together on a fresh
# checkout: one resolves, the others wait for it, then read what it wrote.
classpath() {
  local file
  cached_classpath && return 0
  mkdir -p "$here/kafka/target"
  exec 8>"$here/kafka/target/.resolve.lock"
  flock 8
  cached_classpath && return 0
  file=$(classpath_file)
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

# One option a line, read into an array: a path with a space stays one argument (the settings
# refuse a newline).
java_opts() {
  printf '%s\n' -Xms64m "-Xmx$heap" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$log4j" "-Dkafka.logs.dir=$1"
}

storage_tool() {
  local log=$1 cp=$2 opts=()
  shift 2
  mapfile -t opts < <(java_opts "$(dirname "$log")")
  java "${opts[@]}" -cp "$cp" kafka.tools.StorageTool "$@" >"$log" 2>&1
}

# Kafka makes the id: its generator never returns one that begins with "-" (which the storage
# tool would read as an option) nor one Kafka reserves. About a second, once per state directory.
# Written whole by a rename, so an interrupted start cannot leave half an id.
ensure_cluster_id() {
  local cp=$1 file=$state/cluster-id id
  if [[ ! -s $file ]]; then
    KAFKA_LOG_LEVEL=WARN storage_tool "$state/cluster-id.log" "$cp" random-uuid \
      || { tail -n 20 "$state/cluster-id.log" >&2; die "kafka-storage random-uuid failed (log: $state/cluster-id.log)"; }
    id=$(grep -xE '[A-Za-z0-9_-]{22}' "$state/cluster-id.log" | tail -n 1) \
      || die "kafka-storage random-uuid printed no cluster id (log: $state/cluster-id.log)"
    echo "$id" >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
  id=$(<"$file")
  [[ $id =~ ^[A-Za-z0-9_-]{22}$ ]] || die "$file holds '$id', not a Kafka cluster id (22 characters of base64url): 'kafka.sh reset' makes a new one"
  echo "$id"
}

# "--option=value": the value is bound to its option, so an id that begins with "-" (older
# state directories hold one in 64) is still read as the id.
format_node() {
  local id=$1 cp=$2 cluster_id=$3 dir
  dir=$(node_dir "$id")
  [[ -f $dir/data/meta.properties ]] && return 0
  storage_tool "$dir/format.log" "$cp" format \
    --cluster-id="$cluster_id" --config="$dir/server.properties" --ignore-formatted \
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
  if [[ -s $archive ]]; then printf '%s\n' "-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off
  elif ((id == 1)); then printf '%s\n' "-XX:ArchiveClassesAtExit=$dumped" -Xlog:cds=off -Xlog:cds+dynamic=off; fi
}

launch_node() {
  local id=$1 cp=$2 dir opts=()
  dir=$(node_dir "$id")
  [[ -f $dir/kafka.log ]] && mv "$dir/kafka.log" "$dir/kafka.log.1"
  # A broker that was killed leaves its pid file: wait_ready must not take it for this one's.
  rm -f "$dir/kafka.pid"
  mapfile -t opts < <(java_opts "$dir"; cds_opts "$id")
  # setsid: the broker must outlive the shell (or test runner) that started it.
  # shellcheck disable=SC2016
  setsid sh -c 'echo $$ >"$0/kafka.pid"; exec "$@"' "$dir" \
    java "${opts[@]}" -cp "$cp" kafka.Kafka "$dir/server.properties" \
    >"$dir/kafka.log" 2>&1 </dev/null 8>&- 9>&- &
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ready() {
  local id=$1 deadline=$2 dir bind
  dir=$(node_dir "$id")
  until port_open $((port + id - 1)) && grep -q 'Kafka Server started' "$dir/kafka.log" 2>/dev/null; do
    if ! node_pid "$id" >/dev/null && [[ -f $dir/kafka.pid ]]; then
      tail -n 40 "$dir/kafka.log" >&2
      # Another process took a port between check_ports_free and the bind: say so, not the tail.
      bind=$(grep -m1 -o 'failed to bind to [^ ]*: Address already in use' "$dir/kafka.log" || true)
      [[ -z $bind ]] || die "node $id $bind (another process took it during the start; log: $dir/kafka.log)"
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

# A lease file is named by the holder's PID and holds its start time.
add_lease() {
  local since
  since=$(started_at "$1") || die "lease $1: no such process"
  mkdir -p "$(lease_dir)" && echo "$since" >"$(lease_dir)/$1"
}

# Leases are the PIDs of test runs; one that crashed without releasing must not pin the cluster,
# nor may a new process that was given its PID. (An empty file is an older script's lease: PID only.)
live_leases() {
  local file pid since now
  for file in "$(lease_dir)"/*; do
    [[ -f $file ]] || continue
    pid=${file##*/}
    since=$(<"$file")
    if [[ $pid =~ ^[1-9][0-9]*$ ]] && running "$pid" && now=$(started_at "$pid") && [[ -z $since || $since == "$now" ]]; then
      echo "$pid"
    else
      rm -f "$file"
    fi
  done
}

stop_nodes() {
  local ids=() pids=() alive=() id pid deadline majority quorum_lost_at killed_at=-1
  mapfile -t ids < <(running_nodes)
  if ((${#ids[@]} == 0)); then say "not running"; return 0; fi
  for id in "${ids[@]}"; do pid=$(node_pid "$id") && pids+=("$pid") && kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + stop_timeout))
  majority=$(($(recorded_brokers) / 2 + 1))
  quorum_lost_at=-1
  # Until every broker is gone, SIGKILLed ones too: a start right after must not meet the old
  # process on its ports or its data directory's lock.
  while :; do
    alive=()
    for id in "${ids[@]}"; do pid=$(node_pid "$id") && alive+=("$pid"); done
    ((${#alive[@]} > 0)) || break
    if ((killed_at >= 0)); then
      ((SECONDS - killed_at < 5)) || { say "pid ${alive[*]} still there 5s after SIGKILL"; break; }
    # A node left without a controller quorum waits forever for its controlled shutdown.
    elif (($(recorded_brokers) > 1 && ${#alive[@]} < majority && quorum_lost_at < 0)); then
      quorum_lost_at=$SECONDS
    elif ((quorum_lost_at >= 0 && SECONDS - quorum_lost_at >= 5)); then
      say "no controller quorum left for pid ${alive[*]}: killing it"; kill -KILL "${alive[@]}" 2>/dev/null || true; killed_at=$SECONDS
    elif ((SECONDS >= deadline)); then
      say "pid ${alive[*]} ignored SIGTERM for ${stop_timeout}s: killing it"; kill -KILL "${alive[@]}" 2>/dev/null || true; killed_at=$SECONDS
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
  [[ $n =~ ^[1-9][0-9]{0,2}$ ]] || die "--brokers must be a whole number from 1 to 999, not '$n'"
  if [[ -n $lease ]]; then
    check_lease "$lease"
    # Refused before anything starts: a cluster nobody holds would never be released.
    started_at "$lease" >/dev/null || die "--lease $lease: no such process (a lease is the PID of the run that holds it)"
  fi
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

  # Checked before the state below is touched: a refused start must cost nothing.
  check_ports "$n"
  check_ports_free "$n"
  if (($(recorded_brokers) != n)) && [[ -d $state/node-1 ]]; then
    say "state in $state was formatted for $(recorded_brokers) broker(s): removing it to start $n"
    rm -rf "$state"/node-* "$state/cluster-id"
  fi
  mkdir -p "$state"
  echo "$n" >"$state/brokers"
  cp=$(classpath)
  cluster_id=$(ensure_cluster_id "$cp")
  for ((id = 1; id <= n; id++)); do write_config "$id" "$n"; done
  # Nodes format in parallel, each its own directory; every formatter is waited for, so none is
  # left writing when this call returns a failure.
  local formats=() failed=0
  for ((id = 1; id <= n; id++)); do format_node "$id" "$cp" "$cluster_id" & formats+=($!); done
  for id in "${formats[@]}"; do wait "$id" || failed=1; done
  ((failed == 0)) || exit 1
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
  check_lease "$lease"
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
    reset) (($(running_nodes | wc -l) == 0)) || die "running: stop it first"; rm -rf "${state:?}"/node-* "$state"/cluster-id* "$state"/{brokers,leases,leased}; say "state removed" ;;
    *) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [[ -z $command ]] || exit 2 ;;
  esac
}

main "$@"
