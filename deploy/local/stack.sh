#!/usr/bin/env bash
# The real stack on this machine, each app its own process: Kafka (deploy/local/kafka.sh), the
# local PostgreSQL, coordination-api, audit-api, relay, projector and webhooks. See docs/runbooks/stack.md.
#
#   stack.sh up [APP...]     start what is not running (all apps by default); returns when ready
#   stack.sh down            stop exactly what `up` started, and release Kafka
#   stack.sh status          say what runs (exit 0 when everything does, 3 otherwise)
#   stack.sh env             print the settings `up` uses (source it to call the apps)
#
# Apps run from a snapshot of dist/ in the state directory, so a concurrent `npm run build` (which
# empties dist/) cannot pull files from under a starting process.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
state=${STACK_STATE_DIR:-$repo/.state/stack}
case $state in /*) ;; *) state=$repo/$state ;; esac
kafka_script="$here/kafka.sh"
start_timeout=${STACK_START_TIMEOUT:-60}
stop_timeout=${STACK_STOP_TIMEOUT:-15}
apps=(coordination-api audit-api relay projector webhooks)

say() { printf 'stack: %s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }

database_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/multitrack}
port=${PORT:-3000}
audit_port=${AUDIT_PORT:-3001}
relay_port=${RELAY_PORT:-3002}
projector_port=${PROJECTOR_PORT:-3003}
webhooks_port=${WEBHOOKS_PORT:-3004}
host=${HOST:-127.0.0.1}

app_main() { echo "$state/dist/apps/$1/src/main.js"; }
pid_file() { echo "$state/$1.pid"; }
log_file() { echo "$state/$1.log"; }

# A PID counts only while it is still our app from this state directory: PIDs get reused.
app_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(app_main "$1")" || return 1
  echo "$pid"
}

http_port_of() {
  case $1 in
    coordination-api) echo "$port" ;;
    audit-api) echo "$audit_port" ;;
    relay) echo "$relay_port" ;;
    projector) echo "$projector_port" ;;
    webhooks) echo "$webhooks_port" ;;
  esac
}

port_variable_of() {
  case $1 in
    coordination-api) echo PORT ;;
    audit-api) echo AUDIT_PORT ;;
    relay) echo RELAY_PORT ;;
    projector) echo PROJECTOR_PORT ;;
    webhooks) echo WEBHOOKS_PORT ;;
  esac
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Before anything is launched. Readiness is asked of the port: if another process answers there
# (another stack on the same numbers, or two apps given one), `up` would call an app ready that
# could not bind and has exited.
check_ports() {
  local app other
  for app in "${apps[@]}"; do
    for other in "${apps[@]}"; do
      [[ $app == "$other" || $(http_port_of "$app") != "$(http_port_of "$other")" ]] \
        || die "$(port_variable_of "$app") and $(port_variable_of "$other") are both $(http_port_of "$app"): give each app its own port"
    done
  done
  for app in "$@"; do
    ! port_open "$(http_port_of "$app")" \
      || die "127.0.0.1:$(http_port_of "$app") ($app's $(port_variable_of "$app")) is in use by another process: choose another $(port_variable_of "$app")"
  done
}

# --- build -------------------------------------------------------------------------------------

# dist/ is rebuilt when missing or older than any source file, then copied into the state directory.
dist_stale() {
  local marker=$repo/dist/libs/platform/src/index.js
  [[ -f $marker ]] || return 0
  [[ -n $(find "$repo/apps" "$repo/libs" "$repo/.swcrc" "$repo/package.json" -newer "$marker" \
    \( -name '*.ts' -o -name '.swcrc' -o -name 'package.json' \) ! -name '*.spec.ts' -print -quit) ]]
}

snapshot_dist() {
  local attempt
  for attempt in 1 2 3; do
    if dist_stale; then
      say "building dist/ (npm run build)"
      (cd "$repo" && npm run --silent build) || die "npm run build failed"
    fi
    rm -rf "$state/dist.new"
    # A concurrent build may empty dist/ mid-copy: then build and copy again.
    if cp -a "$repo/dist" "$state/dist.new" 2>/dev/null && [[ -f $state/dist.new/libs/platform/src/index.js ]]; then
      rm -rf "$state/dist"
      mv "$state/dist.new" "$state/dist"
      return 0
    fi
    sleep "$attempt"
  done
  die "could not copy dist/ (is another build running?)"
}

# --- settings ----------------------------------------------------------------------------------

# Development values made once per state directory; never used when the variable is set.
generated_secret() {
  local file=$state/secrets/$1
  if [[ ! -s $file ]]; then
    mkdir -p "$state/secrets"
    chmod 700 "$state/secrets"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file.tmp" && mv "$file.tmp" "$file")
    say "generated $1 into $file" >&2
  fi
  cat "$file"
}

# The audit log's Ed25519 signing key, as a file the audit-api reads (AUDIT_SIGNING_KEY_FILE): kept
# apart from the database that holds the log (docs/decisions/0173). Made once per state directory.
generated_signing_key() {
  local file=$state/secrets/audit-signing-key
  if [[ ! -s $file ]]; then
    mkdir -p "$state/secrets"
    chmod 700 "$state/secrets"
    (umask 077 && cd "$repo" && node -e 'process.stdout.write(require("node:crypto").generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"))' >"$file.tmp" && mv "$file.tmp" "$file")
    say "generated the audit signing key into $file" >&2
  fi
  echo "$file"
}

resolve_settings() {
  if [[ -z ${AUTH_JWT_SECRET:-} && -z ${AUTH_JWKS_URL:-} ]]; then
    AUTH_JWT_SECRET=$(generated_secret auth-jwt-secret)
    secret_source="$state/secrets/auth-jwt-secret"
  fi
  if [[ -z ${PERSONAL_DATA_MASTER_KEY:-} ]]; then
    PERSONAL_DATA_MASTER_KEY=$(generated_secret personal-data-master-key)
    master_key_source="$state/secrets/personal-data-master-key"
  fi
  if [[ -z ${AUDIT_SIGNING_KEY:-} && -z ${AUDIT_SIGNING_KEY_FILE:-} && ${AUDIT_SIGNING_KEY_IN_DATABASE:-} != true ]]; then
    AUDIT_SIGNING_KEY_FILE=$(generated_signing_key)
    signing_key_source=$AUDIT_SIGNING_KEY_FILE
    export AUDIT_SIGNING_KEY_FILE
  fi
  export AUTH_JWT_SECRET PERSONAL_DATA_MASTER_KEY
}

print_env() {
  resolve_settings >/dev/null 2>&1
  local brokers=${KAFKA_BROKERS:-$(cat "$state/kafka-brokers" 2>/dev/null || true)}
  printf 'export DATABASE_URL=%q\n' "$database_url"
  printf 'export EVENT_STORE=%q\n' "${EVENT_STORE:-postgres}"
  [[ -n $brokers ]] && printf 'export KAFKA_BROKERS=%q\n' "$brokers"
  [[ -n ${AUTH_JWT_SECRET:-} ]] && printf 'export AUTH_JWT_SECRET=%q\n' "$AUTH_JWT_SECRET"
  printf 'export COORDINATION_API_URL=%q\n' "http://$host:$port"
  printf 'export AUDIT_API_URL=%q\n' "http://$host:$audit_port"
}

# --- dependencies ------------------------------------------------------------------------------

# Creates the database named in DATABASE_URL when missing; starts the local PostgreSQL service
# first when it does not answer on the loopback (it is a system service: `down` leaves it running).
ensure_database() {
  # "--": a URL that begins with "-" must reach the script, not be read as one of node's options.
  local ensure=(node -e '
    const { Client } = require("pg");
    (async () => {
      const url = new URL(process.argv[1]);
      const name = decodeURIComponent(url.pathname.slice(1));
      url.pathname = "/postgres";
      const admin = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
      try { await admin.connect(); } catch (error) { console.error(error.message); process.exit(2); }
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, "\"\"")}"`);
        console.log(`created database ${name}`);
      }
      await admin.end();
    })().catch((error) => { console.error(error.message); process.exit(1); });
  ' -- "$database_url")
  local said status=0
  said=$(cd "$repo" && "${ensure[@]}" 2>&1) || status=$?
  if ((status == 2)) && [[ $database_url =~ @(127\.0\.0\.1|localhost)[:/] ]] && command -v pg_ctlcluster >/dev/null; then
    say "PostgreSQL does not answer: starting the local service (left running by down)"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    status=0
    said=$(cd "$repo" && "${ensure[@]}" 2>&1) || status=$?
  fi
  ((status == 0)) || die "PostgreSQL at ${database_url%%\?*}: $said"
  [[ -n $said ]] && say "$said"
  return 0
}

# Kafka is leased, not owned: a placeholder process holds the stack's lease, so a test run that
# shares the cluster cannot stop it under the stack, and `down` stops it only when nobody else
# holds a lease (and never when it was started by hand).
lease_pid() {
  local pid
  [[ -f $state/kafka-lease.pid ]] || return 1
  pid=$(<"$state/kafka-lease.pid")
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$state/kafka-lease" || return 1
  echo "$pid"
}

ensure_kafka() {
  if [[ -n ${KAFKA_BROKERS:-} ]]; then
    rm -f "$state/kafka-brokers"
    say "Kafka from KAFKA_BROKERS=$KAFKA_BROKERS"
    return 0
  fi
  local holder
  if ! holder=$(lease_pid); then
    # `exec -a` names the sleeper after the state directory so lease_pid can tell it is ours.
    setsid bash -c 'exec -a "$0" sleep infinity' "$state/kafka-lease" </dev/null >/dev/null 2>&1 9>&- &
    holder=$!
    echo "$holder" >"$state/kafka-lease.pid"
  fi
  bash "$kafka_script" start --lease "$holder" 9>&- | sed 's/^/stack: /'
  KAFKA_BROKERS=$(bash "$kafka_script" brokers 9>&-)
  export KAFKA_BROKERS
  echo "$KAFKA_BROKERS" >"$state/kafka-brokers"
}

release_kafka() {
  local holder
  [[ -f $state/kafka-lease.pid ]] || return 0
  holder=$(<"$state/kafka-lease.pid")
  bash "$kafka_script" release "$holder" 9>&- | sed 's/^/stack: /'
  if holder=$(lease_pid); then kill -KILL "$holder" 2>/dev/null || true; fi
  rm -f "$state/kafka-lease.pid" "$state/kafka-brokers"
}

# --- apps --------------------------------------------------------------------------------------

launch_app() {
  local app=$1 main log
  main=$(app_main "$app")
  log=$(log_file "$app")
  [[ -f $main ]] || die "$main is missing: has $app a src/main.ts?"
  [[ -f $log ]] && mv "$log" "$log.1"
  # A killed app leaves its pid file behind; the wait below must see the new process's pid.
  rm -f "$(pid_file "$app")"
  # One array element a setting: a value with a newline in it stays that setting's value, and
  # never becomes the command env runs.
  local env_args=("DATABASE_URL=$database_url" "EVENT_STORE=${EVENT_STORE:-postgres}" "DATA_DIR=${DATA_DIR:-$state/data}"
    "HOST=$host" "PORT=$(http_port_of "$app")")
  case $app in relay | projector) env_args+=("KAFKA_BROKERS=$KAFKA_BROKERS") ;; esac
  # setsid: each app leads its own process group, which `down` signals as a whole.
  # shellcheck disable=SC2016
  # The subshell execs, so nothing but the app itself holds the lock or waits for it.
  (cd "$repo" && exec env "${env_args[@]}" setsid sh -c 'echo $$ >"$0"; exec "$@"' "$(pid_file "$app")" \
    node --enable-source-maps "$main") >"$log" 2>&1 </dev/null 9>&- &
  local waited=0
  until [[ -s $(pid_file "$app") ]]; do
    sleep 0.05
    ((++waited < 100)) || die "$app did not start"
  done
}

# Every app, relay and projector included, serves /health/ready: 200 once its store, bus and
# engines answer.
app_ready() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(http_port_of "$1")/health/ready" 2>/dev/null) == 200 ]]
}

wait_ready() {
  local app=$1 deadline=$2
  until app_ready "$app"; do
    if ! app_pid "$app" >/dev/null; then
      tail -n 30 "$(log_file "$app")" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$(log_file "$app")" >&2 || true
      say "$app was not ready within ${start_timeout}s (log: $(log_file "$app"))" >&2
      return 1
    fi
    sleep 0.2
  done
}

stop_app() {
  local app=$1 pid deadline
  pid=$(app_pid "$app") || { rm -f "$(pid_file "$app")"; return 0; }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + stop_timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "$app (pid $pid) ignored SIGTERM for ${stop_timeout}s: killing it"
      break
    fi
    sleep 0.1
  done
  # Whatever the app left in its group (it should be nothing) goes with it.
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$(pid_file "$app")"
  echo "$pid"
}

# --- commands ----------------------------------------------------------------------------------

up() {
  local wanted=("$@") app began=$SECONDS started=() failed=''
  ((${#wanted[@]})) || wanted=("${apps[@]}")
  for app in "${wanted[@]}"; do [[ " ${apps[*]} " == *" $app "* ]] || die "unknown app $app (apps: ${apps[*]})"; done
  resolve_settings
  local missing=()
  for app in "${wanted[@]}"; do app_pid "$app" >/dev/null || missing+=("$app"); done
  ((${#missing[@]} == 0)) || check_ports "${missing[@]}"
  ensure_database
  ensure_kafka
  if ((${#missing[@]} == 0)); then say "already up"; status_lines || true; return 0; fi
  snapshot_dist
  for app in "${missing[@]}"; do launch_app "$app"; started+=("$app"); done
  local deadline=$((SECONDS + start_timeout))
  for app in "${started[@]}"; do
    if ! wait_ready "$app" "$deadline"; then failed=$app; break; fi
  done
  if [[ -n $failed ]]; then
    say "$failed failed to start: stopping what this call started"
    for app in "${started[@]}"; do stop_app "$app" >/dev/null; done
    exit 1
  fi
  say "up in $((SECONDS - began))s: ${started[*]} (logs: $state/*.log)"
  [[ -n ${secret_source:-} ]] && say "AUTH_JWT_SECRET (development value) kept in $secret_source"
  [[ -n ${master_key_source:-} ]] && say "PERSONAL_DATA_MASTER_KEY (development value) kept in $master_key_source: keep it with the database"
  [[ -n ${signing_key_source:-} ]] && say "AUDIT_SIGNING_KEY_FILE (development key) kept in $signing_key_source"
  status_lines || true
}

down() {
  local app stopped=() pid
  # Producers first, so nothing new reaches Kafka while its consumers stop.
  for app in coordination-api audit-api relay projector webhooks; do
    pid=$(stop_app "$app") && [[ -n $pid ]] && stopped+=("$app($pid)")
  done
  release_kafka
  if ((${#stopped[@]})); then say "stopped ${stopped[*]}"; else say "nothing was running"; fi
}

status_lines() {
  local app pid all=0 detail
  for app in "${apps[@]}"; do
    if pid=$(app_pid "$app"); then
      if app_ready "$app"; then detail=ready; else detail='not ready'; all=3; fi
      say "$app running, pid $pid, $detail, http://$host:$(http_port_of "$app"), log $(log_file "$app")"
    else
      say "$app not running"
      all=3
    fi
  done
  return $all
}

main() {
  local command=${1:-}
  shift || true
  mkdir -p "$state"
  # One command at a time per state directory.
  exec 9>"$state/.lock"
  flock 9
  case $command in
    up) up "$@" ;;
    down) down ;;
    status) status_lines ;;
    env) print_env ;;
    *) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [[ -z $command ]] || exit 2 ;;
  esac
}

main "$@"
