#!/usr/bin/env bash
# Start-up time: stsgate's packaged jar started N times per JVM variant, timed from process start to the first 200 on
# /q/health/ready (ready means the directory, keyring, store and SAML validator are loaded: every action is served).
#
#   src/test/load/startup.sh                        # every variant, 5 starts each, interleaved
#   src/test/load/startup.sh --runs 9 --variants "17 17-appcds"
#   src/test/load/startup.sh --jar A=target/quarkus-app/quarkus-run.jar --jar B=/tmp/old/quarkus-app/quarkus-run.jar
#   src/test/load/startup.sh --image j17=localhost/stsgate:latest --image aot=localhost/stsgate:aot   # images
#
# Variants: 17 (the plain jar on Java 17), 17-appcds (Java 17 with an AppCDS archive made by a training run,
# -XX:ArchiveClassesAtExit, then -Xshare:on -XX:SharedArchiveFile), 25 (Java 25, the JDK's own CDS archive only),
# 25-aot (Java 25 with an AOT cache made by a training run, -XX:AOTCacheOutput, then -XX:AOTMode=on -XX:AOTCache; with
# -Xshare:on and AOTMode=on a start that cannot use its archive fails instead of being timed without it). Archives are
# kept under target/startup/ and made again when the jar is newer.
#
# Options: --runs N (starts per variant and jar, default 5), --variants "LIST", --jar NAME=PATH (repeatable; default
# the packaged jar), --java17 HOME and --java25 HOME (default: the JDKs under /usr/lib/jvm), --image NAME=IMAGE
# (repeatable: times `podman run` of the image to ready, with the same fixtures mounted read-only, the image's own
# entry point and options; PODMAN may carry podman's options, as for build-image.sh; with --image and no --jar, only
# images are timed). Every run of a jar, training included, has the shipped JVM options (the jvm.options file beside
# the jar, where its build has one) and MALLOC_ARENA_MAX=2, as the image. Environment: STARTUP_JAVA_OPTS (JVM options
# after those, training included), STARTUP_LOG_OPTS (JVM options of the measured runs only, e.g.
# -Xlog:class+load:file=/tmp/classes.log:uptime for a class-loading timeline).
#
# What it does: makes the load suite's fixtures once (io.stsgate.load.LoadFixtures: a directory with an OIDC provider, a
# SAML IdP, users, roles and workload associations, and a keyring file), makes each archive with one training run
# (started, asked the STS and SAML actions with refused inputs and the management endpoints, stopped with SIGTERM: the
# JVM writes the archive as it exits), then starts every variant and jar in turn, round after round, each time in the
# production profile with a fresh embedded store, polls /q/health/ready every 10 ms with curl and stops the server.
# It prints per variant the median, min and max time to ready, the median CPU time the server used until ready (all
# its threads: steadier than wall time on a shared machine, but blind to work done in parallel) and the median of
# what Quarkus itself reports ("started in", from the JVM's start to the end of its start-up). Starts are interleaved
# so that the machine's noise spreads over every variant: compare medians of one run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/load/lib.sh
source src/test/load/lib.sh
project=$(pwd)

runs=5
variants="17 17-appcds 25 25-aot"
java17="" java25=""
jars=() images=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --variants) variants=$2; shift ;;
    --jar) jars+=("$2"); shift ;;
    --image) images+=("$2"); shift ;;
    --java17) java17=$2; shift ;;
    --java25) java25=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ ${#jars[@]} -eq 0 ] && [ ${#images[@]} -eq 0 ]; then jars=("stsgate=target/quarkus-app/quarkus-run.jar"); fi
[ ${#jars[@]} -gt 0 ] || variants=""
read -ra podman <<<"${PODMAN:-podman}"
java_opts=${STARTUP_JAVA_OPTS:-}
log_opts=${STARTUP_LOG_OPTS:-}
out=$project/target/startup
mkdir -p "$out"

# feature JAVA_HOME: its Java feature version (17, 25, ...).
feature() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{ print $2 }'
}
# jdk_of FEATURE: the first JDK of that version under /usr/lib/jvm.
jdk_of() {
  local home
  for home in /usr/lib/jvm/*; do
    if [ -x "$home/bin/java" ] && [ ! -L "$home" ] && [ "$(feature "$home")" = "$1" ]; then echo "$home"; return; fi
  done
}
for variant in $variants; do
  case "$variant" in
    17|17-appcds) [ -n "$java17" ] || java17=$(jdk_of 17) ;;
    25|25-aot) [ -n "$java25" ] || java25=$(jdk_of 25) ;;
    *) echo "startup.sh: unknown variant $variant (17, 17-appcds, 25, 25-aot)" >&2; exit 2 ;;
  esac
done
for variant in $variants; do
  case "$variant" in
    17*) [ -n "$java17" ] || { echo "startup.sh: no Java 17 under /usr/lib/jvm: name one with --java17" >&2; exit 1; } ;;
    25*) [ -n "$java25" ] || { echo "startup.sh: no Java 25 under /usr/lib/jvm: name one with --java25" >&2; exit 1; } ;;
  esac
done
packaged_jars startup.sh "${jars[@]}"

if [ ! -f "$out/directory.yaml" ] || [ ! -f "$out/keyring.txt" ]; then
  echo "Making the fixtures (test classes) ..."
  ./mvnw -q -Dformatter.skip -Dimpsort.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
  java -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" io.stsgate.load.LoadFixtures "$out" setup
fi

now_ns() { date +%s%N; }
clk_tck=$(getconf CLK_TCK)

trap stop_server EXIT

# start NAME JAR JAVA_HOME LOG JVM-OPTIONS...: a fresh store, free ports; sets server_pid, port, management, ready_ms
# and cpu_ms (the server's user and system CPU time until ready, all its threads).
start() {
  local name=$1 jar=$2 home=$3 log=$4 started
  shift 4
  port=$(free_port) management=$(free_port)
  rm -rf "$out/store-$name"
  started=$(now_ns)
  # shellcheck disable=SC2046
  STSGATE_DIRECTORY_FILE="$out/directory.yaml" STSGATE_KEYRING_FILE="$out/keyring.txt" \
    STSGATE_AUTHZ_NGINX_KEY_SHA256="$(cat "$out/nginx-key-sha256.txt")" STSGATE_STORE_PATH="$out/store-$name" \
    MALLOC_ARENA_MAX=2 "$home/bin/java" $(jvm_options "$jar") "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management" -jar "$jar" > "$log" 2>&1 &
  server_pid=$!
  local url="http://127.0.0.1:$management/q/health/ready" deadline=$((started + 120000000000))
  until curl -fs -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      tail -n 20 "$log" >&2; echo "startup.sh: $name did not start (log: $log)" >&2; exit 1
    fi
    [ "$(now_ns)" -lt "$deadline" ] || { echo "startup.sh: $name was not ready within 2 minutes" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$((($(now_ns) - started) / 1000000))
  cpu_ms=$(awk -v tck="$clk_tck" '{ printf "%d", ($14 + $15) * 1000 / tck }' "/proc/$server_pid/stat")
}

# start_image NAME IMAGE LOG: podman run of the image, timed to ready; sets ready_ms, cpu_ms and quarkus_ms, and
# removes the container. The store is the container's own (fresh), the fixtures are mounted read-only.
start_image() {
  local name=$1 image=$2 log=$3 container=stsgate-startup-$$ started pid
  port=$(free_port) management=$(free_port)
  "${podman[@]}" rm --force --ignore "$container" >/dev/null
  started=$(now_ns)
  "${podman[@]}" run --detach --name "$container" --network host --ulimit nofile=4096:4096 \
    --ulimit nproc=4096:4096 --volume "$out:/fixtures:ro" --env STSGATE_DIRECTORY_FILE=/fixtures/directory.yaml \
    --env STSGATE_KEYRING_FILE=/fixtures/keyring.txt \
    --env "STSGATE_AUTHZ_NGINX_KEY_SHA256=$(cat "$out/nginx-key-sha256.txt")" --env QUARKUS_HTTP_HOST=127.0.0.1 \
    --env "QUARKUS_HTTP_PORT=$port" --env QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    --env "QUARKUS_MANAGEMENT_PORT=$management" "$image" >/dev/null
  local url="http://127.0.0.1:$management/q/health/ready" deadline=$((started + 120000000000))
  until curl -fs -o /dev/null "$url" 2>/dev/null; do
    if [ "$("${podman[@]}" inspect --format '{{.State.Running}}' "$container")" != true ]; then
      "${podman[@]}" logs "$container" 2>&1 | tail -n 20 >&2
      echo "startup.sh: image $name did not start" >&2; exit 1
    fi
    [ "$(now_ns)" -lt "$deadline" ] || { echo "startup.sh: image $name was not ready within 2 minutes" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$((($(now_ns) - started) / 1000000))
  pid=$("${podman[@]}" inspect --format '{{.State.Pid}}' "$container")
  cpu_ms=$(awk -v tck="$clk_tck" '{ printf "%d", ($14 + $15) * 1000 / tck }' "/proc/$pid/stat")
  "${podman[@]}" logs "$container" > "$log" 2>&1
  quarkus_ms=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 | awk '{ printf "%d", $3 * 1000 }')
  "${podman[@]}" rm --force "$container" >/dev/null
}

# train NAME JAR JAVA_HOME OPTIONS...: one run that loads what serving loads, then stops (the JVM writes its archive).
train() {
  local name=$1 jar=$2 home=$3
  shift 3
  echo "Training $name ..." >&2
  start "train-$name" "$jar" "$home" "$out/train-$name.log" $java_opts "$@"
  local base="http://127.0.0.1:$port" form=(-s -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded')
  for _ in 1 2 3; do
    curl "${form[@]}" "$base/?Action=GetCallerIdentity&Version=2011-06-15"
    curl "${form[@]}" -d 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=s&WebIdentityToken=a.b.c&RoleArn=arn:aws:iam::444455556666:role/web-load' "$base/"
    curl "${form[@]}" -d 'Action=AssumeRoleWithSAML&Version=2011-06-15&SAMLAssertion=PHg%2BPC94Pg%3D%3D&RoleArn=arn:aws:iam::444455556666:role/saml-load&PrincipalArn=arn:aws:iam::444455556666:saml-provider/corp' "$base/"
    curl "${form[@]}" -d 'Action=AssumeRole&Version=2011-06-15' "$base/"
    curl -s -o /dev/null "$base/v1/container-credentials"
    curl -s -o /dev/null "http://127.0.0.1:$management/q/metrics"
    curl -s -o /dev/null "http://127.0.0.1:$management/q/health"
  done
  stop_server
}

# archive_options VARIANT JAR JAVA_HOME: the JVM options of a measured run (making the archive first if needed).
archive_options() {
  local variant=$1 jar=$2 home=$3 key
  key=$(echo "$jar $java_opts" | md5sum | cut -c1-8)
  local file record use what
  case "$variant" in
    # -Xshare:on: a start that cannot map the archive fails instead of being timed without it.
    17-appcds) file="$out/$variant-$key.jsa" record=-XX:ArchiveClassesAtExit= use="-Xshare:on -XX:SharedArchiveFile="
      what="AppCDS archive" ;;
    25-aot) file="$out/$variant-$key.aot" record=-XX:AOTCacheOutput= use="-XX:AOTMode=on -XX:AOTCache=" what="AOT cache" ;;
    *) echo ""; return 0 ;;
  esac
  if [ ! -s "$file" ] || [ "$file" -ot "$jar" ]; then
    rm -f "$file"
    train "$variant-$key" "$jar" "$home" "$record$file"
    [ -s "$file" ] || { echo "startup.sh: no $what written (see $out/train-*.log)" >&2; exit 1; }
  fi
  echo "$use$file"
}
home_of() { case "$1" in 17*) echo "$java17" ;; 25*) echo "$java25" ;; esac; }

declare -A options=()
for spec in "${jars[@]}"; do
  for variant in $variants; do
    options[$spec/$variant]=$(archive_options "$variant" "${spec#*=}" "$(home_of "$variant")" | tail -n 1)
  done
done

results=$out/results.tsv
: > "$results"
for round in $(seq 1 "$runs"); do
  for spec in "${jars[@]}"; do
    name=${spec%%=*} jar=${spec#*=}
    for variant in $variants; do
      log="$out/server-$name-$variant.log"
      # shellcheck disable=SC2086
      start "$name-$variant" "$jar" "$(home_of "$variant")" "$log" $java_opts ${options[$spec/$variant]} $log_opts
      quarkus_ms=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 | awk '{ printf "%d", $3 * 1000 }')
      stop_server
      printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$variant" "$ready_ms" "${quarkus_ms:-0}" "$cpu_ms" >> "$results"
      printf '  round %d  %-10s %-10s ready in %5d ms  CPU %5d ms  (Quarkus: started in %s ms)\n' "$round" "$name" \
        "$variant" "$ready_ms" "$cpu_ms" "${quarkus_ms:--}"
    done
  done
  for spec in "${images[@]}"; do
    name=${spec%%=*}
    start_image "$name" "${spec#*=}" "$out/server-$name-image.log"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" image "$ready_ms" "${quarkus_ms:-0}" "$cpu_ms" >> "$results"
    printf '  round %d  %-10s %-10s ready in %5d ms  CPU %5d ms  (Quarkus: started in %s ms)\n' "$round" "$name" \
      image "$ready_ms" "$cpu_ms" "${quarkus_ms:--}"
  done
done

echo
echo "Time to /q/health/ready, $runs starts each (interleaved; shipped jvm.options${java_opts:+ plus $java_opts}):"
printf '  %-10s %-10s %8s %8s %8s %14s %16s\n' jar variant median min max "CPU to ready" "Quarkus started"
# median: the middle value of a sorted column (the mean of the two middle ones for an even count).
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%d", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for spec in "${jars[@]}" "${images[@]}"; do
  name=${spec%%=*}
  for variant in $variants image; do
    rows=$(awk -F'\t' -v n="$name" -v v="$variant" '$1 == n && $2 == v' "$results")
    [ -n "$rows" ] || continue
    ready=$(cut -f3 <<<"$rows" | sort -n)
    printf '  %-10s %-10s %5d ms %5d ms %5d ms %11d ms %13d ms\n' "$name" "$variant" "$(median <<<"$ready")" \
      "$(head -n 1 <<<"$ready")" "$(tail -n 1 <<<"$ready")" "$(cut -f5 <<<"$rows" | median)" \
      "$(cut -f4 <<<"$rows" | median)"
  done
done
