#!/usr/bin/env bash
# The README walk-through, run with the AWS CLI v2 and boto3 against the packaged application.
# Called by `./mvnw verify` (integration-test phase). Fails on the first unexpected output.
# Against a server started elsewhere (the container image test): STSGATE_ENDPOINT and STSGATE_MANAGEMENT name its
# public and management URLs (demo directory), STSGATE_LOGS_COMMAND prints its log.
set -euo pipefail

here=$(cd "$(dirname "$0")/../../.." && pwd)
app="$here/target/quarkus-app/quarkus-run.jar"
aws=/usr/bin/aws   # Debian's AWS CLI v2; a pip-installed v1 may shadow it on PATH
[ -n "${STSGATE_ENDPOINT:-}" ] || [ -f "$app" ] || { echo "smoke: $app is missing: run ./mvnw package first" >&2; exit 1; }
[ -x "$aws" ] || { echo "smoke: the AWS CLI v2 is missing: apt-get install awscli" >&2; exit 1; }

work=$(mktemp -d)

if [ -n "${STSGATE_ENDPOINT:-}" ]; then
  endpoint=$STSGATE_ENDPOINT
  management=${STSGATE_MANAGEMENT:?STSGATE_MANAGEMENT names the management URL}
  cleanup() { rm -rf "$work"; }
  trap cleanup EXIT
  server_log() { bash -c "${STSGATE_LOGS_COMMAND:-true}" >"$work/server.log" 2>&1 || true; }
else
  # The production profile (the packaged default) refuses the demo directory and its published secrets.
  echo "prod-key $(/usr/bin/python3 -c 'import os,base64; print(base64.b64encode(os.urandom(32)).decode())')" >"$work/prod-keyring.txt"
  # Every file this script makes lives in $work, which it deletes: nothing is left in ./data or the demo's store.
  if java -Dquarkus.http.port=0 -Dquarkus.management.port=0 -Dstsgate.keyring.file="$work/prod-keyring.txt" \
      -Dstsgate.store.path="$work/prod-store" \
      -Dstsgate.directory.file="$here/src/main/resources/demo/directory.yaml" -jar "$app" >"$work/prod.log" 2>&1; then
    echo "smoke: FAILED: the production profile started with the demo directory" >&2; exit 1
  fi
  grep -q "uses a published demo value; the production profile refuses it" "$work/prod.log" \
    || { cat "$work/prod.log" >&2; echo "smoke: FAILED: no refusal message" >&2; exit 1; }
  echo "smoke: ok: production refuses the demo values"

  free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
  port=$(free_port)
  management_port=$(free_port)
  endpoint="http://127.0.0.1:$port"
  # Health, metrics and OpenAPI answer on the management interface only, never on the public port.
  management="http://127.0.0.1:$management_port"
  java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" \
    -Dstsgate.store.path="$work/store" \
    -jar "$app" >"$work/server.log" 2>&1 &
  server=$!
  cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
  trap cleanup EXIT

  for _ in $(seq 1 120); do
    curl -fs "$management/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; echo "smoke: stsgate did not start" >&2; exit 1; }
    sleep 0.5
  done
  server_log() { :; }
fi

fail() { echo "smoke: FAILED: $*" >&2; server_log; tail -50 "$work/server.log" >&2; exit 1; }
expect() { # expect NAME OUTPUT PATTERN
  grep -q -- "$3" <<<"$2" || fail "$1: expected '$3' in: $2"
  echo "smoke: ok: $1"
}

out=$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/q/metrics")
expect "metrics are not on the public port" "$out" '^404$'
out=$(curl -s "$management/q/metrics")
expect "metrics on the management port" "$out" 'stsgate_requests_seconds\|jvm_'

export HOME="$work" AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE || true

# 1. Who am I?
out=$("$aws" sts get-caller-identity --endpoint-url "$endpoint" --output json)
expect "get-caller-identity" "$out" '"Arn": "arn:aws:iam::111111111111:user/alice"'

# 2. Cross-account with the partner's external id.
out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/partner-readonly \
  --role-session-name audit --external-id partner-ext-id-42 --output json)
expect "assume-role with external id" "$out" '"Arn": "arn:aws:sts::222222222222:assumed-role/partner-readonly/audit"'
key=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["Credentials"]["AccessKeyId"])' <<<"$out")
secret=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["Credentials"]["SecretAccessKey"])' <<<"$out")
token=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["Credentials"]["SessionToken"])' <<<"$out")

# 3. The temporary credentials work.
out=$(AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token \
  "$aws" sts get-caller-identity --endpoint-url "$endpoint" --output json)
expect "temporary credentials" "$out" '"Account": "222222222222"'

# 4. A wrong external id is refused.
if out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/partner-readonly \
  --role-session-name audit --external-id wrong-id 2>&1); then fail "wrong external id was accepted: $out"; fi
expect "wrong external id" "$out" 'AccessDenied'

# 5. The admin role needs MFA.
if out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/admin-mfa \
  --role-session-name admin 2>&1); then fail "admin-mfa without MFA was accepted: $out"; fi
expect "admin-mfa without MFA" "$out" 'AccessDenied'
code=$(/usr/bin/python3 -c 'import base64,hmac,struct,time; k=base64.b32decode("JBSWY3DPEHPK3PXP"); h=hmac.digest(k, struct.pack(">Q", int(time.time())//30), "sha1"); o=h[-1]&15; print("%06d" % ((struct.unpack(">I", h[o:o+4])[0] & 0x7fffffff) % 1000000))')
out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/admin-mfa \
  --role-session-name admin --serial-number arn:aws:iam::111111111111:mfa/alice --token-code "$code" --output json)
expect "admin-mfa with MFA" "$out" 'assumed-role/admin-mfa/admin'
if out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/admin-mfa \
  --role-session-name admin --serial-number arn:aws:iam::111111111111:mfa/alice --token-code "$code" 2>&1); then
  fail "a reused MFA code was accepted: $out"; fi
expect "reused MFA code" "$out" 'AccessDenied'

# 6. Session and federation tokens.
out=$("$aws" sts get-session-token --endpoint-url "$endpoint" --duration-seconds 900 --output json)
expect "get-session-token" "$out" '"SessionToken"'
out=$("$aws" sts get-federation-token --endpoint-url "$endpoint" --name bob --output json \
  --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}')
expect "get-federation-token" "$out" 'federated-user/bob'
# Temporary key ids are random: the session itself learns its account, nobody else does.
out=$(AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token \
  "$aws" sts get-access-key-info --endpoint-url "$endpoint" --access-key-id "$key" --output json)
expect "get-access-key-info" "$out" '"Account": "222222222222"'

# 7. Errors come back in AWS's format.
if out=$("$aws" sts assume-role --endpoint-url "$endpoint" --role-arn arn:aws:iam::222222222222:role/partner-readonly \
  --role-session-name 'bad name!' --external-id partner-ext-id-42 2>&1); then fail "bad session name accepted"; fi
expect "validation error" "$out" 'ValidationError'

# 8. boto3 too.
out=$(/usr/bin/python3 - "$endpoint" <<'PY'
import sys, boto3
sts = boto3.client("sts", endpoint_url=sys.argv[1], region_name="us-east-1")
r = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/partner-readonly", RoleSessionName="boto",
                    ExternalId="partner-ext-id-42")
c = r["Credentials"]
s = boto3.client("sts", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id=c["AccessKeyId"],
                 aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])
print(s.get_caller_identity()["Arn"])
PY
)
expect "boto3" "$out" 'assumed-role/partner-readonly/boto'

# 9. The README's client table: a role_arn + source_profile profile never reaches stsgate with this CLI (its own
#    STS client ignores --endpoint-url), a credential_process profile does, with the CLI and with boto3.
cat >"$AWS_CONFIG_FILE" <<INI
[profile via-role-arn]
role_arn = arn:aws:iam::222222222222:role/partner-readonly
external_id = partner-ext-id-42
credential_source = Environment

[profile stsgate-partner]
credential_process = $aws sts assume-role --endpoint-url $endpoint --role-arn arn:aws:iam::222222222222:role/partner-readonly --role-session-name cli --external-id partner-ext-id-42 --output json --query "{Version: \`1\`, AccessKeyId: Credentials.AccessKeyId, SecretAccessKey: Credentials.SecretAccessKey, SessionToken: Credentials.SessionToken, Expiration: Credentials.Expiration}"
INI
if out=$(AWS_MAX_ATTEMPTS=1 timeout 60 "$aws" sts get-caller-identity --profile via-role-arn \
    --endpoint-url "$endpoint" --cli-connect-timeout 5 --output json 2>&1); then
  fail "a role_arn profile reached stsgate with CLI $("$aws" --version): update the README's client table: $out"
fi
echo "smoke: ok: role_arn profile does not reach stsgate with this CLI (as the README's table says)"
out=$("$aws" sts get-caller-identity --profile stsgate-partner --endpoint-url "$endpoint" --output json)
expect "credential_process profile (CLI)" "$out" 'assumed-role/partner-readonly/cli'
out=$(/usr/bin/python3 - "$endpoint" <<'PY'
import sys, boto3
s = boto3.Session(profile_name="stsgate-partner").client("sts", endpoint_url=sys.argv[1], region_name="us-east-1")
print(s.get_caller_identity()["Arn"])
PY
)
expect "credential_process profile (boto3)" "$out" 'assumed-role/partner-readonly/cli'

# Secrets never reach the log.
server_log
grep -q "$secret" "$work/server.log" && fail "a secret access key reached the server log"
grep -q "${token:0:40}" "$work/server.log" && fail "a session token reached the server log"
echo "smoke: the README walk-through passed"
