#!/usr/bin/env bash
# Builds stsgate's JVM container image (OCI) with podman, no Docker engine needed:
#   ./mvnw package -Pimage                          (after the build, the same as the two lines below)
#   src/main/docker/build-image.sh [--tag NAME] [--base IMAGE]
# Without --base, the base is made here: a jlink JRE of only the modules stsgate uses, the C libraries it links,
# a non-root user and nothing else (no shell, no package manager). With --base, any image with `java` 17+ on PATH
# (e.g. eclipse-temurin:17-jre) is used instead. Needs target/quarkus-app (./mvnw package) and podman.
set -euo pipefail

here=$(cd "$(dirname "$0")/../../.." && pwd)
tag=stsgate:latest
base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    *) echo "build-image: unknown argument $1 (use --tag NAME, --base IMAGE)" >&2; exit 2 ;;
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
  java_home=${JLINK_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
  [ -d "$java_home/jmods" ] || { echo "build-image: $java_home has no jmods: set JLINK_JAVA_HOME to a full JDK" >&2; exit 1; }
  rootfs="$work/base/rootfs"
  mkdir -p "$rootfs/opt" "$rootfs/etc" "$rootfs/tmp"
  # The modules stsgate and its libraries use (jdeps over target/quarkus-app), plus jdk.jfr for profiling in place.
  # java.desktop is there for java.beans only: the AWT libraries are removed below.
  modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
  modules=$modules,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml
  modules=$modules,java.xml.crypto,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
  "$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --output "$rootfs/opt/jre"
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
size=$("${podman[@]}" image inspect --format '{{.Size}}' "$tag")
echo "build-image: $tag ($((size / 1000000)) MB)"
