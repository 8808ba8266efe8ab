#!/usr/bin/env bash
# HTTP load suite: stsgate's packaged jar under wrk, one table per run.
#
#   src/test/load/run.sh                 # every flow, 10 and 50 connections, 10 s each after a 5 s warm-up
#   src/test/load/run.sh --brief         # a few seconds per flow; exits 1 unless every response was a 200 (CI)
#                                        # and every run had some
#   src/test/load/run.sh --flows "web-identity assume-role" --jar A=target/quarkus-app/quarkus-run.jar \
#       --jar B=/tmp/old/target/quarkus-app/quarkus-run.jar --rounds 3   # A B A B A B, one table
#   src/test/load/run.sh --flows web-identity --keycloak   # and Keycloak's token exchange, measured alongside
#
# Options: --flows "LIST" (default: every flow), --connections "10 50", --duration SECONDS, --warmup SECONDS (one
# warm-up slice; slices repeat until the JIT compiler has settled, at most --warmup-max SECONDS, default 90),
# --jar NAME=PATH (repeatable; default the packaged jar), --rounds N, --soak SECONDS (after the rows, each server
# runs its flows in turn, 60 s each, at half the rate it reached at 50 connections, for SECONDS in all, and prints
# req/s, errors and RSS per minute: memory must stay flat and bounded, throughput must not drift; SAML is left out, as
# its one-time assertions would need a pool of the whole soak), --keycloak (the anchor: after the jars, in each round,
# Keycloak's standard token exchange, below; not soaked). Environment: LOAD_JAVA_OPTS (JVM options after the shipped
# options), LOAD_THREAD_CPU=1 (after each measured row, the server's CPU per request by thread group: event loops, audit
# store, JIT compiler, GC), LOAD_JFR=1 (a JFR recording of each measured row, see jfr_start), LOAD_SAML_RATE (SAML
# requests/s to size the first assertion pool for; later pools follow the rate seen), LOAD_KEYCLOAK_HEAP (Keycloak's
# heap options, default -Xmx384m).
#
# What it does: builds the fixtures with io.stsgate.load.LoadFixtures from the test class path (an OIDC provider with
# a static JWKS and RS256 ID tokens, SigV4-signed requests of a user's long-term key, a pool of fresh signed SAML
# Responses, one per request, for the one-time-use rule), starts each jar with the settings below, warms up, runs wrk
# per flow and connection count, and prints: req/s, p50, p99, errors (responses other than 200, counted by
# requests.lua, plus socket errors), server CPU per request (utime+stime of the server process over the run, from
# /proc/PID/stat, divided by the requests) and the server's RSS after the run.
#
# Server settings (production-like): the production profile (JSON log lines, every request audited to the log and
# to the embedded H2 store, default throttling limits), a fresh embedded store under target/load/, the shipped JVM
# options (the jvm.options file beside the jar: bounded heap, metaspace, code cache and direct memory; LOAD_JAVA_OPTS
# adds options after them) and MALLOC_ARENA_MAX=2 as the image sets it, listening on
# 127.0.0.1. The log goes to target/load/server-*.log (its first lines; the rest is read and discarded, as a log
# collector would). wrk runs on the same machine with 2 threads.
#
# Flows: web-identity, saml, assume-role, caller-identity (the STS Query API); container (GET
# /v1/container-credentials with a Kubernetes-shaped service-account token of an associated service account); decision
# (the decision API's nginx face, /authz/v1/nginx/s3, answering an S3 GetObject signed with AssumeRole credentials, as
# nginx's auth_request subrequest carries it). Adding a flow: a case in LoadFixtures.request that writes its
# requests, and its name in ALL_FLOWS below (and in FLOW_LABEL).
#
# The anchor (--keycloak): the Keycloak distribution the tests use (target/keycloak), started by
# io.stsgate.load.KeycloakAnchor as production starts it (kc.sh start --optimized, dev-file H2 database, local cache,
# realm defaults: no event store) with its heap bounded (kc.sh's JAVA_OPTS_KC_HEAP=-Xmx384m instead of its
# -Xms64m -Xmx512m), on the newest JDK 21+ under /usr/lib/jvm. Its realm load: a public client whose users' access tokens
# name a confidential client as audience; that client, with standard token exchange (V2, RFC 8693) enabled, exchanges
# them for tokens whose audience is a third client (200 subject tokens from password-grant sign-ins, presented again
# and again). Warmed up and measured as stsgate's flows, on the realm's token endpoint; the CPU and RSS are those of
# Keycloak's JVM. After the table: stsgate's AssumeRoleWithWebIdentity rate and CPU per request against Keycloak's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/load/lib.sh
source src/test/load/lib.sh
project=$(pwd)

ALL_FLOWS="web-identity saml assume-role caller-identity container decision"
declare -A FLOW_LABEL=([web-identity]=AssumeRoleWithWebIdentity [saml]=AssumeRoleWithSAML [assume-role]=AssumeRole
  [caller-identity]=GetCallerIdentity [container]="container credentials" [decision]="decision (nginx, S3 GET)"
  [keycloak-exchange]="token exchange (anchor)")
flows=$ALL_FLOWS
connections="10 50"
duration=10 warmup=5 warmup_max=90
rounds=1 saml_guess=1000 pool_mode=wrap soak=0 keycloak=0
jars=()
while [ $# -gt 0 ]; do
  case "$1" in
    # A check, not a measurement: a SAML pool that runs out stops its thread rather than replaying assertions.
    --brief) duration=2 warmup=3 warmup_max=3 saml_guess=100 pool_mode=once ;;
    --flows) flows=$2; shift ;;
    --connections) connections=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --warmup-max) warmup_max=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --soak) soak=$2; shift ;;
    --keycloak) keycloak=1 ;;
    --jar) jars+=("$2"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#jars[@]} -gt 0 ] || jars=("stsgate=target/quarkus-app/quarkus-run.jar")
# The shipped JVM options file beside each jar (src/main/jvm/jvm.options, where the build has one), then these.
java_opts=${LOAD_JAVA_OPTS:-}
keycloak_heap=${LOAD_KEYCLOAK_HEAP:--Xmx384m}
threads=2
out=$project/target/load
mkdir -p "$out"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing wrk (Debian package)"
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
  else
    echo "run.sh: needs wrk (apt-get install wrk)" >&2; exit 1
  fi
fi
packaged_jars run.sh "${jars[@]}"

echo "Compiling the fixture generator (test classes) ..."
./mvnw -q -Dformatter.skip -Dimpsort.skip test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
# A copy of the classes, so a build in this worktree during a long run does not pull them from under the generator.
rm -rf "$out/classes" && mkdir -p "$out/classes"
cp -r target/classes "$out/classes/main" && cp -r target/test-classes "$out/classes/test"
classpath="$out/classes/test:$out/classes/main:$(cat "$out/classpath.txt")"
fixtures() { java -cp "$classpath" io.stsgate.load.LoadFixtures "$out" "$@"; }
fixtures setup

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# thread_ticks PID: "group<TAB>ticks" per thread group (the thread's name, digits as N), for LOAD_THREAD_CPU.
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    # The name may contain spaces and parentheses; the fields after it follow the last ") ".
    sed -E 's/^[0-9]+ \((.*)\) [A-Za-z] (.*)$/\1\t\2/' "$task/stat" 2>/dev/null
  done | awk -F'\t' '{ split($2, f, " "); name = $1; gsub(/[0-9]+/, "N", name); ticks[name] += f[11] + f[12] }
    END { for (n in ticks) printf "%s\t%d\n", n, ticks[n] }' | sort
}
# compiler_ticks PID: CPU ticks of the JIT compiler threads (C1 and C2).
compiler_ticks() { thread_ticks "$1" | awk -F'\t' '$1 ~ /CompilerThre/ { t += $2 } END { print t + 0 }'; }
# thread_cpu BEFORE AFTER REQUESTS: the thread groups that used at least 1 µs of CPU per request, the largest first.
thread_cpu() {
  join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 <(echo "$1") <(echo "$2") |
    awk -F'\t' -v tck="$clk_tck" -v n="$3" '{ us = ($3 - $2) * 1000000 / tck / n; if (us >= 1) printf "%d\t%s\n", us, $1 }' |
    sort -rn | head -12 | awk -F'\t' '{ printf "      %6d µs/request  %s\n", $1, $2 }'
}
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
clk_tck=$(getconf CLK_TCK)

anchor_pid=""
# The anchor's JVM stops Keycloak as it exits (and its watchdog, should that JVM be killed).
stop_keycloak() {
  if [ -n "$anchor_pid" ] && kill -0 "$anchor_pid" 2>/dev/null; then
    kill "$anchor_pid"; wait "$anchor_pid" 2>/dev/null || true
  fi
  anchor_pid=""
}
trap 'stop_server; stop_keycloak' EXIT
# wrk takes Ctrl-C as "stop and report", after which the script would carry on: end the run instead.
trap 'exit 130' INT

# LOAD_JFR=1: JFR recordings of the measured rows, method samples every millisecond (the JDK's default settings
# otherwise), to target/load/NAME-FLOW-cCONNECTIONS.jfr (`jfr print --events jdk.ExecutionSample FILE`, or JDK Mission
# Control). A recording runs from the start (no file; the JVM instruments its events then, not in the middle of a
# measurement, which would send every compiled method back to the JIT), and one per measured row takes what it saw.
jfr_settings=$out/default-1ms.jfc
jfr_option() {
  [ -n "${LOAD_JFR:-}" ] || return 0
  sed '/jdk.ExecutionSample/,/<\/event>/ s/>[0-9]* ms</>1 ms</' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/default.jfc" > "$jfr_settings"
  echo "-XX:StartFlightRecording=settings=$jfr_settings,maxsize=20m"
}
jfr_start() {
  jcmd "$server_pid" JFR.start name=load settings="$jfr_settings" filename="$out/$1-$2-c$3.jfr" >/dev/null
}
jfr_stop() { jcmd "$server_pid" JFR.stop name=load >/dev/null; }

# start_server NAME JAR: a fresh store, random ports; sets server_pid, endpoint, ready_ms.
start_server() {
  local name=$1 jar=$2 port management
  port=$(free_port) management=$(free_port)
  rm -rf "$out/store-$name"
  local log="$out/server-$name.log" started
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  STSGATE_DIRECTORY_FILE="$out/directory.yaml" STSGATE_KEYRING_FILE="$out/keyring.txt" \
    STSGATE_AUTHZ_NGINX_KEY_SHA256="$(cat "$out/nginx-key-sha256.txt")" \
    STSGATE_STORE_PATH="$out/store-$name" MALLOC_ARENA_MAX=2 \
    java $(jvm_options "$jar") $java_opts $(jfr_option) -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management" -jar "$jar" \
    > >(head -n 2000 > "$log"; cat > /dev/null) 2>&1 &
  server_pid=$!
  # Health is on the management port; builds before it moved there (#11) answer on the public one.
  local ready=""
  for _ in $(seq 1 1200); do
    for url in "http://127.0.0.1:$management/q/health/ready" "http://127.0.0.1:$port/q/health/ready"; do
      if curl -fs "$url" >/dev/null 2>&1; then ready=$url; break 2; fi
    done
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "run.sh: $name did not start" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$ready" ] || { echo "run.sh: $name was not ready within 2 minutes" >&2; exit 1; }
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  endpoint="http://127.0.0.1:$port"
  echo "$name ($jar) ready in ${ready_ms} ms on $endpoint, RSS $(rss_mb "$server_pid") MB"
}

# start_keycloak: Keycloak with the exchange realm and its request file; sets anchor_pid, keycloak_pid, endpoint.
start_keycloak() {
  local log="$out/keycloak-anchor.log"
  rm -f "$out/keycloak.ready"
  java -cp "$classpath" io.stsgate.load.KeycloakAnchor "$out" $$ "$keycloak_heap" > "$log" 2>&1 &
  anchor_pid=$!
  # The first start per unpacked distribution runs kc.sh build first (a minute or two).
  for _ in $(seq 1 6000); do
    [ ! -f "$out/keycloak.ready" ] || break
    kill -0 "$anchor_pid" 2>/dev/null || { cat "$log" >&2; echo "run.sh: Keycloak did not start" >&2; exit 1; }
    sleep 0.1
  done
  [ -f "$out/keycloak.ready" ] || { echo "run.sh: Keycloak was not ready within 10 minutes ($log)" >&2; exit 1; }
  # keycloak_endpoint, keycloak_pid (its JVM) and keycloak_version
  # shellcheck disable=SC1091
  . "$out/keycloak.ready"
  endpoint=$keycloak_endpoint
  keycloak_java=$(readlink "/proc/$keycloak_pid/exe")
  echo "Keycloak $keycloak_version ready on $endpoint, RSS $(rss_mb "$keycloak_pid") MB ($log)"
}

# run_keycloak: the anchor's rows, warmed up and measured as run_flows measures a flow.
run_keycloak() {
  local run conns
  start_keycloak
  # The warm-up and every measured run replay the same subject tokens: an exchange does not use them up.
  for run in $(seq 0 "$(wc -w <<<"$connections")"); do
    ln -sf keycloak-exchange.requests "$out/keycloak-exchange.$run.requests"
  done
  server_pid=$keycloak_pid
  warm_up keycloak keycloak-exchange
  run=1
  for conns in $connections; do
    run_wrk keycloak keycloak-exchange "$run" "$conns" "$duration" yes
    run=$((run + 1))
  done
  server_pid=""
  stop_keycloak
}

# One-time-use pools (SAML) need a request per response: twice what the best rate seen so far (or LOAD_SAML_RATE, before
# the first run) would use. A pool that runs out wraps, and the replays count as errors.
saml_rate=${LOAD_SAML_RATE:-$saml_guess}
pool_size() {
  if [ "$1" = saml ]; then echo $((saml_rate * $2 * 2 + 200)); else echo 200; fi
}
results=$out/results.tsv
: > "$results"
failed=0

# run_wrk NAME FLOW RUN CONNECTIONS SECONDS MEASURE: one wrk run on FLOW.RUN.requests; MEASURE=yes adds a row,
# replays-expected (a repeated SAML warm-up slice) neither adds a row nor fails on refused replays.
run_wrk() {
  local name=$1 flow=$2 run=$3 conns=$4 seconds=$5 measure=$6
  local before after report mode=wrap
  [ "$flow" != saml ] || mode=$pool_mode
  before=$(cpu_ticks "$server_pid")
  local threads_before=""
  [ -z "${LOAD_THREAD_CPU:-}" ] || [ "$measure" != yes ] || threads_before=$(thread_ticks "$server_pid")
  report=$(wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 5s -s src/test/load/requests.lua "$endpoint" \
    -- "$out/$flow.$run.requests" "$threads" "$mode")
  after=$(cpu_ticks "$server_pid")
  local line
  line=$(grep '^RESULT' <<<"$report") || { echo "$report" >&2; echo "run.sh: wrk gave no result" >&2; exit 1; }
  local requests duration_us p50_us p99_us non200 socket_errors wrapped
  eval "$(sed 's/^RESULT //' <<<"$line")"
  local errors=$((non200 + socket_errors)) rate=$((requests * 1000000 / duration_us))
  if [ "$flow" = saml ] && [ "$rate" -gt "$saml_rate" ]; then saml_rate=$rate; fi
  if [ "$requests" -eq 0 ]; then
    failed=1
    echo "  $name $flow c=$conns: no response within ${seconds} s" >&2
  fi
  if [ "$errors" -gt 0 ] && [ "$measure" = replays-expected ]; then
    # Later warm-up slices replay the warm-up pool's assertions (each wrk run reads its file from the start): refused
    # as replays, which still warms the path up to the replay check.
    echo "  $name $flow warm-up: $errors replayed assertions refused (expected after the first slice)"
  elif [ "$errors" -gt 0 ]; then
    failed=1
    echo "  $name $flow c=$conns: $errors errors ($non200 not 200, $socket_errors socket errors)" >&2
    grep '^FIRST_ERROR' <<<"$report" >&2 || true
    if [ "$flow" = saml ] && [ "$wrapped" -gt 0 ]; then
      echo "  the assertion pool ran out: raise LOAD_SAML_RATE (now $saml_rate)" >&2
    fi
  fi
  if [ "$measure" = yes ]; then
    local cpu_us=-
    [ "$requests" -eq 0 ] || cpu_us=$(((after - before) * 1000000 / clk_tck / requests))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$flow" "$conns" "$rate" "$(ms "$p50_us")" \
      "$(ms "$p99_us")" "$errors" "$cpu_us" "$(rss_mb "$server_pid")" >> "$results"
    printf '  %-10s %-16s c=%-3s %8s req/s  p50 %6s ms  p99 %6s ms  errors %s  CPU %s us/req\n' "$name" "$flow" \
      "$conns" "$rate" "$(ms "$p50_us")" "$(ms "$p99_us")" "$errors" "$cpu_us"
    if [ -n "$threads_before" ] && [ "$requests" -gt 0 ]; then
      thread_cpu "$threads_before" "$(thread_ticks "$server_pid")" "$requests"
    fi
  fi
}

# warm_up NAME FLOW: slices of $warmup seconds at 50 connections until the JIT compiler threads used less than 3% of
# the server's CPU in a slice (or $warmup_max seconds have passed). On two shared cores the compiler keeps working for
# tens of seconds; measured before it settles, a row shows interpreted code and the compiler's own CPU, not stsgate.
warm_up() {
  local name=$1 flow=$2 spent=0 before after compiler_before compiler_after share
  while :; do
    before=$(cpu_ticks "$server_pid") compiler_before=$(compiler_ticks "$server_pid")
    local mode=no
    [ "$spent" -eq 0 ] || [ "$flow" != saml ] || mode=replays-expected
    run_wrk "$name" "$flow" 0 50 "$warmup" "$mode"
    after=$(cpu_ticks "$server_pid") compiler_after=$(compiler_ticks "$server_pid")
    spent=$((spent + warmup))
    share=$(( after > before ? (compiler_after - compiler_before) * 100 / (after - before) : 0 ))
    if [ "$share" -lt 3 ] || [ "$spent" -ge "$warmup_max" ]; then
      echo "  $name $flow: warmed up for ${spent} s (JIT compiler ${share}% of the server's CPU in the last ${warmup} s)"
      warmed_up_for[$flow]=$spent
      return
    fi
  done
}
declare -A warmed_up_for=()


# run_flows NAME: per flow, its fixtures (fresh: tokens, signatures and assertions are valid for minutes), a warm-up
# at 50 connections, then one measured run per connection count.
run_flows() {
  local name=$1 flow conns run counts
  for flow in $flows; do
    counts=$(pool_size "$flow" "$warmup")
    for conns in $connections; do counts="$counts $(pool_size "$flow" "$duration")"; done
    # shellcheck disable=SC2086
    fixtures "$flow" "$endpoint" $counts
    warm_up "$name" "$flow"
    run=1
    for conns in $connections; do
      [ -z "${LOAD_JFR:-}" ] || jfr_start "$name" "$flow" "$conns"
      run_wrk "$name" "$flow" "$run" "$conns" "$duration" yes
      [ -z "${LOAD_JFR:-}" ] || jfr_stop
      run=$((run + 1))
    done
  done
}

# run_soak NAME: paced wrk runs (requests.lua with a delay per request) cycling through the measured flows.
run_soak() {
  local name=$1 elapsed=0 i=0 flow peak delay report line soak_flows=()
  for flow in $flows; do [ "$flow" = saml ] || soak_flows+=("$flow"); done
  [ ${#soak_flows[@]} -gt 0 ] || { echo "run.sh: --soak needs a flow other than saml" >&2; exit 2; }
  { cat src/test/load/requests.lua; echo 'function delay() return delay_ms end'; } > "$out/paced.lua"
  echo "  soak: ${soak} s, 60 s per flow at half of its rate at 50 connections"
  printf '  %-8s %-16s %10s %10s %8s %8s %10s\n' minute flow 'target/s' 'req/s' errors 'RSS MB' 'peak RSS'
  while [ "$elapsed" -lt "$soak" ]; do
    flow=${soak_flows[$((i % ${#soak_flows[@]}))]}
    peak=$(awk -F'\t' -v n="$name" -v f="$flow" '$1 == n && $2 == f && $3 == 50 && $4 > p { p = $4 } END { print p + 0 }' \
      "$results")
    [ "$peak" -gt 0 ] || { echo "run.sh: no rate at 50 connections for $flow to pace the soak by" >&2; exit 2; }
    # 50 connections, each waiting this long between requests: about half the peak rate (less the latency).
    delay=$((50 * 1000 * 2 / peak))
    [ "$delay" -gt 0 ] || delay=1
    # Fresh fixtures for every minute: signed requests are valid for 15 minutes, a soak lasts longer.
    fixtures "$flow" "$endpoint" 200 200 >/dev/null
    report=$(wrk -t"$threads" -c50 -d60s --timeout 5s -s "$out/paced.lua" "$endpoint" \
      -- "$out/$flow.1.requests" "$threads" wrap "$delay")
    line=$(grep '^RESULT' <<<"$report") || { echo "$report" >&2; echo "run.sh: wrk gave no result" >&2; exit 1; }
    local requests duration_us p50_us p99_us non200 socket_errors wrapped
    eval "$(sed 's/^RESULT //' <<<"$line")"
    local errors=$((non200 + socket_errors))
    [ "$errors" -eq 0 ] || failed=1
    i=$((i + 1)) elapsed=$((elapsed + 60))
    printf '  %-8s %-16s %10s %10s %8s %8s %10s\n' "$i" "$flow" $((peak / 2)) $((requests * 1000000 / duration_us)) \
      "$errors" "$(rss_mb "$server_pid")" "$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status")"
    printf '%s\tsoak\t%s\t%s\t%s\t%s\n' "$name" "$i" "$flow" "$errors" "$(rss_mb "$server_pid")" >> "$out/soak.tsv"
  done
}

for round in $(seq 1 "$rounds"); do
  for spec in "${jars[@]}"; do
    name=${spec%%=*} jar=${spec#*=}
    [ "$rounds" -gt 1 ] && echo "round $round: $name"
    start_server "$name" "$jar"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" ready - "$ready_ms" - - - - "$(rss_mb "$server_pid")" >> "$results"
    run_flows "$name"
    [ "$soak" -eq 0 ] || run_soak "$name"
    stop_server
  done
  [ "$keycloak" -eq 0 ] || run_keycloak
done

echo
echo "stsgate HTTP load: $(date -u +%FT%TZ), $(nproc) cores, wrk -t$threads on the same machine, ${duration} s per row"
echo "after a warm-up per flow until the JIT compiler settled (${warmup} s slices, at most ${warmup_max} s); server: shipped jvm.options ${java_opts:+plus $java_opts }(older builds: JVM defaults), MALLOC_ARENA_MAX=2, production profile, embedded store, audit on"
echo
printf '| %-10s | %-26s | %5s | %8s | %8s | %8s | %6s | %14s | %7s |\n' server flow conns 'req/s' 'p50 ms' 'p99 ms' \
  errors 'CPU µs/request' 'RSS MB'
printf '|%s|\n' '------------|----------------------------|-------|----------|----------|----------|--------|----------------|---------'
awk -F'\t' -v labels="$(for f in "${!FLOW_LABEL[@]}"; do printf '%s=%s;' "$f" "${FLOW_LABEL[$f]}"; done)" '
  BEGIN { n = split(labels, pairs, ";"); for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); label[kv[1]] = kv[2] } }
  $2 == "ready" { next }
  { printf "| %-10s | %-26s | %5s | %8s | %8s | %8s | %6s | %14s | %7s |\n", $1, label[$2], $3, $4, $5, $6, $7, $8, $9 }
' "$results"
awk -F'\t' '$2 == "ready" { printf "%s ready in %s ms (RSS %s MB at ready)\n", $1, $4, $9 }' "$results"
if [ "$keycloak" -ne 0 ]; then
  echo "anchor: Keycloak $keycloak_version standard token exchange (V2), kc.sh start --optimized, dev-file H2, local cache," \
    "JAVA_OPTS_KC_HEAP=$keycloak_heap, $keycloak_java; stsgate on $(readlink -f "$(command -v java)")"
  # Means over the rounds, per server and connection count.
  awk -F'\t' '
    $2 == "web-identity" || $2 == "keycloak-exchange" {
      key = $1 SUBSEP $3
      if (!(key in n)) { order[++keys] = key }
      n[key]++; rate[key] += $4; cpu[key] += $8
    }
    END {
      for (i = 1; i <= keys; i++) {
        split(order[i], k, SUBSEP)
        anchor = "keycloak" SUBSEP k[2]
        if (k[1] == "keycloak" || !(anchor in n) || rate[anchor] == 0 || cpu[order[i]] == 0) continue
        s_rate = rate[order[i]] / n[order[i]]; s_cpu = cpu[order[i]] / n[order[i]]
        a_rate = rate[anchor] / n[anchor]; a_cpu = cpu[anchor] / n[anchor]
        printf "%s AssumeRoleWithWebIdentity / Keycloak token exchange, c=%s: %.1fx the requests/s (%d vs %d), %.1fx less CPU per request (%d vs %d µs)\n",
          k[1], k[2], s_rate / a_rate, s_rate, a_rate, a_cpu / s_cpu, s_cpu, a_cpu
      }
    }' "$results"
fi

if [ "$failed" -ne 0 ]; then
  echo "run.sh: some responses were not 200, or a run had none (see above)" >&2
  exit 1
fi
