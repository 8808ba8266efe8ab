"""Calls GetCallerIdentity once with boto3's default configuration and reports how often botocore sent it.

Usage: boto3-throttling.py ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY SESSION_TOKEN
Prints one line: attempts=N retries=M code=CODE (retries as botocore reports them in ResponseMetadata).
Run by ThrottlingHttpTest against a caller whose throttling bucket is already empty.
"""
import sys

import boto3
from botocore.exceptions import ClientError

endpoint, key, secret, token = sys.argv[1:5]
sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
                   aws_secret_access_key=secret, aws_session_token=token)
attempts = []
sts.meta.events.register("before-send.sts.GetCallerIdentity", lambda **kwargs: attempts.append(1))
try:
    sts.get_caller_identity()
    print("attempts=%d retries=0 code=none" % len(attempts))
except ClientError as error:
    print("attempts=%d retries=%d code=%s" % (len(attempts), error.response["ResponseMetadata"]["RetryAttempts"],
                                              error.response["Error"]["Code"]))
