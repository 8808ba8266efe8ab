#!/usr/bin/env bash
# Starts the stsgate test Keycloak (realm realms/stsgate-realm.json) in the foreground, for people.
#
#   src/test/scripts/keycloak.sh            # http://localhost:8180, admin console user "admin"
#   KEYCLOAK_PORT=8280 src/test/scripts/keycloak.sh
#
# Environment:
#   KEYCLOAK_PORT              HTTP port (default 8180)
#   KEYCLOAK_MANAGEMENT_PORT   management/health port (default KEYCLOAK_PORT+1000)
#   KEYCLOAK_JAVA_HOME         JDK 21+ to run Keycloak (default: newest JDK 21+ under /usr/lib/jvm)
#   KEYCLOAK_ADMIN_PASSWORD    password of the master-realm "admin" (default: admin)
#
# The distribution is fetched and unpacked into target/keycloak by the Maven wrapper (execution
# unpack-keycloak of maven-dependency-plugin, version from <keycloak.version> in pom.xml). Every start
# begins from a fresh copy of the realm (data under target/keycloak-runs/script). Ctrl-C stops it.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
port=${KEYCLOAK_PORT:-8180}
management_port=${KEYCLOAK_MANAGEMENT_PORT:-$((port + 1000))}
# Keep in sync with KeycloakDistribution.BUILD_OPTIONS.
build_options=(--db=dev-file --health-enabled=true --features-disabled=token-exchange)

cd "$project"
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
[[ -n "$version" ]] || { echo "no <keycloak.version> property in pom.xml" >&2; exit 1; }
dist="$project/target/keycloak/keycloak-$version"
if [[ ! -x "$dist/bin/kc.sh" ]]; then
  echo "Fetching Keycloak $version through the Maven wrapper ..."
  ./mvnw -B -q dependency:unpack@unpack-keycloak
fi

java_major() { sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
  java_home=$KEYCLOAK_JAVA_HOME
else
  java_home="" best=0
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    major=$(java_major "$candidate")
    if [[ -x "$candidate/bin/java" && -n "$major" && "$major" -ge 21 && "$major" -gt "$best" ]]; then
      java_home=$candidate best=$major
    fi
  done
fi
major=$(java_major "${java_home:-/nonexistent}")
if [[ -z "$java_home" || -z "$major" || "$major" -lt 21 ]]; then
  echo "Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME (none found under /usr/lib/jvm)" >&2
  exit 1
fi
export JAVA_HOME=$java_home
unset JAVA_OPTS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

# One kc.sh build per unpacked distribution, shared with the test harness (same marker file).
marker="$dist/.stsgate-build"
if [[ "$(cat "$marker" 2>/dev/null)" != "${build_options[*]}" ]]; then
  echo "kc.sh build ${build_options[*]} (once; about a minute) ..."
  "$dist/bin/kc.sh" build "${build_options[@]}"
  echo "${build_options[*]}" > "$marker"
fi

# A home of its own: kc.sh copied (it finds its home from its resolved path), the rest linked, fresh data/.
run="$project/target/keycloak-runs/script"
rm -rf "$run"
mkdir -p "$run/bin" "$run/data/import"
cp -p "$dist/bin/kc.sh" "$run/bin/"
for entry in "$dist"/*/; do
  entry=${entry%/}
  case "$(basename "$entry")" in bin|data) ;; *) ln -s "$entry" "$run/$(basename "$entry")" ;; esac
done
cp realms/stsgate-realm.json "$run/data/import/"

echo "Keycloak $version (Java $major) on http://localhost:$port  realm: http://localhost:$port/realms/stsgate"
echo "admin console: http://localhost:$port/admin (admin)  health: http://localhost:$management_port/health/ready"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
exec "$run/bin/kc.sh" start --optimized \
  --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
  --hostname="http://localhost:$port" \
  --http-management-port="$management_port" \
  --cache=local \
  --import-realm
