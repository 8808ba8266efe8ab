#!/usr/bin/env bash
# Run first by ./mvnw package -Pnative: says at once, and clearly, when this machine cannot build a native executable,
# instead of failing minutes later inside Quarkus' build. Arguments: the values of quarkus.native.container-build and
# quarkus.native.remote-container-build.
set -euo pipefail

container=${1:-false}
remote=${2:-false}
if [ "$container" = true ] || [ "$remote" = true ]; then
  # A container build needs a container runtime and the builder image (quay.io/quarkus/ubi9-quarkus-mandrel-builder-image).
  runtime=${QUARKUS_NATIVE_CONTAINER_RUNTIME:-}
  if [ -z "$runtime" ]; then
    for candidate in docker podman; do
      command -v "$candidate" >/dev/null && { runtime=$candidate; break; }
    done
  fi
  if [ -z "$runtime" ]; then
    echo "stsgate native build: -Dquarkus.native.container-build=true needs docker or podman, and neither is on the PATH." >&2
    exit 1
  fi
  echo "stsgate native build: building inside a container with $runtime (the Mandrel builder image is pulled if missing)."
  exit 0
fi

for candidate in "${GRAALVM_HOME:-}/bin/native-image" "${JAVA_HOME:-}/bin/native-image" "$(command -v native-image || true)"; do
  if [ -n "$candidate" ] && [ "$candidate" != /bin/native-image ] && [ -x "$candidate" ]; then
    echo "stsgate native build: using $candidate"
    exit 0
  fi
done
cat >&2 <<'MESSAGE'

  stsgate native build: no native-image builder on this machine.
  Looked for native-image in $GRAALVM_HOME/bin, $JAVA_HOME/bin and on the PATH; none is there.
  Either
    - install GraalVM or Mandrel (JDK 21+), set GRAALVM_HOME to it, and run ./mvnw package -Pnative again, or
    - build inside a container with the Mandrel builder image (needs docker or podman and access to quay.io):
        ./mvnw package -Pnative -Dquarkus.native.container-build=true
  The JVM build (./mvnw package) and its image (./mvnw package -Pimage) need neither. See README, "Native executable".

MESSAGE
exit 1
