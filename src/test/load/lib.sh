# Shared by run.sh and startup.sh (sourced, not run): ports, the shipped JVM options beside a jar, the jars themselves.

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
