# Shared by run.sh and startup.sh (sourced, not run): how the load scripts pick ports and find the shipped JVM options.

# free_port: a loopback port nobody listens on right now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# jvm_options JAR: the argument file of the shipped JVM options beside the jar, if the build that made it has one.
jvm_options() {
  local file
  file=$(dirname "$1")/jvm.options
  [ -f "$file" ] && echo "@$file"
  return 0
}
