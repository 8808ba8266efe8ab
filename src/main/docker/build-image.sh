#!/usr/bin/env bash
# Builds stsgate's JVM container image (OCI) with podman, no Docker engine needed:
#   ./mvnw package -Pimage                          (after the build, the same as the two lines below)
#   src/main/docker/build-image.sh [--tag NAME] [--base IMAGE | --jdk JDK_HOME] [--aot]
# Without --base, the base is made here: a jlink JRE of only the modules stsgate uses (from the JDK of `javac` on the
# PATH, or --jdk), the C libraries it links, a non-root user and nothing else (no shell, no package manager). With
# --base, any image with `java` 17+ on PATH (e.g. eclipse-temurin:17-jre) is used instead. The JRE made here carries
# the JDK's own class-data sharing archive (jlink --generate-cds-archive). --aot records the JVM's start-up archive from
# a training run of the image and bakes it in, for a faster start: an AOT cache on Java 25+ (JEP 483/514), an AppCDS
# archive on Java 17 to 24 (-XX:ArchiveClassesAtExit). Needs target/quarkus-app (./mvnw package) and podman.
set -euo pipefail

here=$(cd "$(dirname "$0")/../../.." && pwd)
tag=stsgate:latest
base=""
jdk=""
aot=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --jdk) jdk=$2; shift 2 ;;
    --aot) aot=true; shift ;;
    *) echo "build-image: unknown argument $1 (use --tag NAME, --base IMAGE, --jdk JDK_HOME, --aot)" >&2; exit 2 ;;
  esac
done
# PODMAN may carry options, e.g. "podman --root target/podman/storage" (the tests keep their images under target/).
read -ra podman <<<"${PODMAN:-podman}"
command -v "${podman[0]}" >/dev/null || { echo "build-image: podman is missing: apt-get install podman" >&2; exit 1; }
[ -f "$here/target/quarkus-app/quarkus-run.jar" ] || { echo "build-image: run ./mvnw package first" >&2; exit 1; }

work="$here/target/image"
rm -rf "$work"
mkdir -p "$work/app/runtime/work"

if [ -z "$base" ]; then
  java_home=${jdk:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
  [ -x "$java_home/bin/jlink" ] || { echo "build-image: $java_home has no jlink: name a full JDK with --jdk" >&2; exit 1; }
  # A JDK with jmods links from them; newer ones (JEP 493) link from their own run-time image.
  module_path=()
  [ -d "$java_home/jmods" ] && module_path=(--module-path "$java_home/jmods")
  feature=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
  compress=--compress=2
  [ "$feature" -ge 21 ] && compress=--compress=zip-6
  rootfs="$work/base/rootfs"
  mkdir -p "$rootfs/opt" "$rootfs/etc" "$rootfs/tmp"
  # The modules stsgate and its libraries use (jdeps over target/quarkus-app), plus jdk.jfr for profiling in place.
  # java.desktop is there for java.beans only: the AWT libraries are removed below.
  modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
  modules=$modules,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml
  modules=$modules,java.xml.crypto,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
  # --generate-cds-archive: the JDK's classes shared from a mapped archive (as a JDK's own lib/server/classes.jsa);
  # without it the JRE parses them at every start, and an AppCDS archive (--aot on Java 17) has no base to extend.
  "$java_home/bin/jlink" "${module_path[@]}" --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files "$compress" --generate-cds-archive --output "$rootfs/opt/jre"
  # A server never draws: without these, the image needs no X11, sound or font libraries.
  rm -f "$rootfs"/opt/jre/lib/{libawt_xawt,libsplashscreen,libjsound,libfontmanager,liblcms,libjavajpeg}.so
  # The C libraries the JRE links, taken from this machine (same glibc the JRE was built against).
  for lib in $(find "$rootfs/opt/jre" \( -name '*.so' -o -path '*/bin/*' \) -type f -exec ldd {} \; 2>/dev/null \
      | awk '/=> \//{print $3} /^\s*\/lib.*ld-linux/{print $1}' | sort -u); do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
  loader=$(ldd "$rootfs/opt/jre/bin/java" | awk '/ld-linux/{print $1}')
  mkdir -p "$rootfs$(dirname "$loader")"
  cp -L "$loader" "$rootfs$loader"
  cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
stsgate:x:185:185:stsgate:/work:/sbin/nologin
EOF
  printf 'root:x:0:\nstsgate:x:185:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  chmod 1777 "$rootfs/tmp"
  base="localhost/stsgate-jre:$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.runtime.version/{print $2}' | tr '+' '_')"
  "${podman[@]}" build --quiet --file "$here/src/main/docker/Containerfile.base" --tag "$base" "$work/base" >/dev/null
  echo "build-image: base $base"
fi

# The application, in the layers Quarkus lays out: libraries change less often than the application itself.
cp -aL "$here/target/quarkus-app" "$work/app/quarkus-app"
"${podman[@]}" build --quiet --file "$here/src/main/docker/Containerfile.jvm" --build-arg "BASE=$base" --tag "$tag" \
  "$work/app" >/dev/null

if $aot; then
  # Training: the image itself runs (same JRE, same class path, as the archive demands) with the demo directory and
  # throwaway state, answers a few calls, and writes the archive when it stops. The archive then joins the image.
  feature=$("${podman[@]}" run --rm --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 --entrypoint java "$tag" \
    -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/{print $2}')
  [ -n "$feature" ] || { echo "build-image: cannot tell the image's Java version" >&2; exit 1; }
  if [ "$feature" -ge 25 ]; then
    archive=stsgate.aot record=-XX:AOTCacheOutput containerfile=Containerfile.aot what="AOT cache"
  else
    archive=stsgate.jsa record=-XX:ArchiveClassesAtExit containerfile=Containerfile.appcds what="AppCDS archive"
  fi
  mkdir -p "$work/aot" && chmod 777 "$work/aot"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  management=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  trainer=stsgate-aot-training-$$
  "${podman[@]}" run --detach --name "$trainer" --network host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
    --volume "$work/aot:/aot" --entrypoint java --env QUARKUS_PROFILE=demo --env "QUARKUS_HTTP_PORT=$port" \
    --env "QUARKUS_MANAGEMENT_PORT=$management" "$tag" "$record=/aot/$archive" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar /deployments/quarkus-run.jar >/dev/null
  trap '"${podman[@]}" rm --force "$trainer" >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$management/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "http://127.0.0.1:$management/q/health/ready" >/dev/null \
    || { "${podman[@]}" logs "$trainer" >&2; echo "build-image: the training run did not start" >&2; exit 1; }
  for _ in $(seq 1 20); do
    curl -s -o /dev/null "http://127.0.0.1:$port/?Action=GetCallerIdentity&Version=2011-06-15"
    curl -s -o /dev/null "http://127.0.0.1:$management/q/metrics"
  done
  "${podman[@]}" stop --time 300 "$trainer" >/dev/null
  [ -s "$work/aot/$archive" ] || { "${podman[@]}" logs "$trainer" >&2; echo "build-image: no $what" >&2; exit 1; }
  "${podman[@]}" build --quiet --file "$here/src/main/docker/$containerfile" --build-arg "APP=$tag" --tag "$tag" \
    "$work/aot" >/dev/null
  echo "build-image: $what $(( $(stat -c %s "$work/aot/$archive") / 1000000 )) MB"
fi
size=$("${podman[@]}" image inspect --format '{{.Size}}' "$tag")
echo "build-image: $tag ($((size / 1000000)) MB)"
