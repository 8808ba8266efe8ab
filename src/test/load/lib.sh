# Shared by run.sh and startup.sh (sourced, not run): ports, the shipped JVM options beside a jar, the jars, the server process.

# free_port: a loopback port nobody listens on right now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# jvm_options JAR: the argument file of the shipped JVM options beside the jar, if the build that made it has one.
jvm_options() {
  local file
  file=$(dirname "$1")/jvm.options
  [ -f "$file" ] && echo "@$file"
  return 0
}

# packaged_jars SCRIPT NAME=PATH...: each jar exists; the default one (target/quarkus-app) is packaged when missing.
packaged_jars() {
  local script=$1 spec jar
  shift
  for spec in "$@"; do
    jar=${spec#*=}
    if [ ! -f "$jar" ]; then
      [ "$jar" = target/quarkus-app/quarkus-run.jar ] || { echo "$script: no jar $jar" >&2; exit 1; }
      echo "Packaging stsgate (./mvnw package -DskipTests)"
      ./mvnw -q package -DskipTests
    fi
  done
}

# The stsgate process a script started (empty when none); stop_server ends it and waits for it.
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
