package io.stsgate.policy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the policy engine on a realistic 10-statement identity policy with conditions,
 * variables, wildcards and four deny guards that every request has to pass.
 * Targets: 1,000,000 evaluations/s and 50,000 parses/s per core. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec@bench -Dbench.args='PolicyBenchmark -f 1 -wi 2 -i 3'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class PolicyBenchmark {

    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Id": "engineering-baseline",
              "Statement": [
                {"Sid": "ReadCorpData", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"],
                 "Resource": ["arn:aws:s3:::corp-data", "arn:aws:s3:::corp-data/home/${aws:username}/*", "arn:aws:s3:::corp-data/shared/*"],
                 "Condition": {"StringEquals": {"aws:PrincipalTag/department": ["engineering", "research"]}}},
                {"Sid": "WriteOwnHome", "Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": "arn:aws:s3:::corp-data/home/${aws:username}/*",
                 "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}},
                {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                {"Sid": "DenyWithoutMfa", "Effect": "Deny",
                 "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"],
                 "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
                {"Sid": "DescribeInEu", "Effect": "Allow", "Action": ["ec2:Describe*", "elasticloadbalancing:Describe*"], "Resource": "*",
                 "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}},
                {"Sid": "OperateOwnInstances", "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
                 "Resource": "arn:aws:ec2:*:111111111111:instance/*",
                 "Condition": {"StringEquals": {"aws:ResourceTag/Owner": "${aws:username}"}}},
                {"Sid": "DenyOutsideCorpNetwork", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32"]}}},
                {"Sid": "OwnDynamoItems", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                 "Resource": "arn:aws:dynamodb:*:111111111111:table/profiles",
                 "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:userid}"]}}},
                {"Sid": "RevokeOldSessions", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"DateLessThan": {"aws:TokenIssueTime": "2024-05-01T00:00:00Z"}}},
                {"Sid": "AssumeAppRoles", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/app-*",
                 "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}
              ]
            }
            """;

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    private List<NamedPolicy> policies;
    private AuthorizationRequest allowedRead;
    private AuthorizationRequest deniedDelete;

    @Setup
    public void setUp() {
        policies = List.of(new NamedPolicy("managed policy arn:aws:iam::111111111111:policy/engineering-baseline",
                PolicyParser.parseIdentityPolicy(POLICY)));
        RequestContext context = RequestContext.builder()
                .put("aws:username", "alice")
                .put("aws:userid", "AIDAEXAMPLEALICE")
                .put("aws:PrincipalTag/department", "engineering")
                .put("aws:SecureTransport", "true")
                .put("aws:MultiFactorAuthPresent", "true")
                .put("aws:MultiFactorAuthAge", "120")
                .put("aws:SourceIp", "10.20.30.40")
                .put("aws:TokenIssueTime", "2024-06-01T08:00:00Z")
                .put("aws:CurrentTime", "2024-06-01T09:00:00Z")
                .put("aws:RequestedRegion", "eu-west-1")
                .build();
        allowedRead = new AuthorizationRequest(null, "s3:GetObject", "arn:aws:s3:::corp-data/home/alice/reports/q2.pdf", context);
        deniedDelete = new AuthorizationRequest(null, "s3:DeleteObject", "arn:aws:s3:::corp-data/home/alice/reports/q2.pdf",
                context);
        if (!evaluator.evaluate(policies, allowedRead).allowed() || evaluator.evaluate(policies, deniedDelete).allowed()) {
            throw new IllegalStateException("benchmark requests do not decide as intended");
        }
    }

    /** The common case: every statement is checked, one allows. */
    @Benchmark
    public Decision evaluateAllowed() {
        return evaluator.evaluate(policies, allowedRead);
    }

    /** An implicit denial, which also builds the explanation. */
    @Benchmark
    public Decision evaluateImplicitDeny() {
        return evaluator.evaluate(policies, deniedDelete);
    }

    @Benchmark
    public PolicyDocument parse() {
        return PolicyParser.parseIdentityPolicy(POLICY);
    }

    /**
     * Calibration only, never used by the engine: Jackson reading the same text into a tree, so the
     * figures above can be read as ratios on whatever machine, and under whatever load, they ran.
     */
    @Benchmark
    public Object baselineJacksonReadTree() throws java.io.IOException {
        return jackson.readTree(POLICY);
    }
}
