package io.stsgate.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.RawDeflate;
import io.stsgate.directory.Directory;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyDocument;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * Session policies: parsing the inline {@code Policy} and resolving {@code PolicyArns} at issuance, and the parsed
 * form for evaluating later calls of the session. Also computes {@code PackedPolicySize}.
 */
final class SessionPolicies {

    /** Plaintext limit AWS documents for inline session policies. */
    static final int MAX_POLICY_CHARS = 2048;
    static final int MAX_POLICY_ARNS = 10;
    /** Compressed budget for session policy, policy ARNs and tags; its percentage is PackedPolicySize. */
    static final int PACKED_BUDGET_BYTES = 2048;
    /**
     * Parsed session policies kept for the later calls of their sessions. Bounded by count (a parsed 2,048-character
     * policy weighs up to about 15 KB), evicting the least recently used, so distinct policies cannot grow the heap and
     * a full cache keeps serving the policies in use.
     */
    static final int PARSED_CACHE_SIZE = 1_000;

    private final Directory directory;
    private final Cache<String, PolicyDocument> parsed = Caffeine.newBuilder().maximumSize(PARSED_CACHE_SIZE)
            .executor(Runnable::run).build();

    SessionPolicies(Directory directory) {
        this.directory = directory;
    }

    /** Validates the requested session policies; throws the AWS error a bad one deserves. */
    void validate(String policy, List<String> policyArns, String accountId) {
        if (policy != null) {
            if (policy.length() > MAX_POLICY_CHARS) {
                throw new StsException(ErrorCode.PACKED_POLICY_TOO_LARGE, ReasonCode.PACKED_POLICY_TOO_LARGE,
                        "The policy plaintext exceeds the maximum of " + MAX_POLICY_CHARS + " characters.");
            }
            parse(policy);
        }
        if (policyArns.size() > MAX_POLICY_ARNS) {
            throw StsException.validation("1 validation error detected: Value at 'policyArns' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_POLICY_ARNS);
        }
        for (String arn : policyArns) {
            if (directory.managedPolicy(arn).isEmpty() || !arn.startsWith("arn:aws:iam::" + accountId + ":policy/")) {
                throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.POLICY_ARN_UNKNOWN,
                        "Policy " + arn + " does not exist or is not attachable.");
            }
        }
    }

    private PolicyDocument parse(String policy) {
        try {
            return parsed.get(policy, PolicyParser::parseIdentityPolicy);
        } catch (PolicyParseException e) {
            throw new StsException(ErrorCode.MALFORMED_POLICY_DOCUMENT, ReasonCode.MALFORMED_POLICY, e.getMessage());
        }
    }

    /** How many parsed policies are kept now. */
    long cachedPolicies() {
        parsed.cleanUp();
        return parsed.estimatedSize();
    }

    boolean isCached(String policy) {
        return parsed.getIfPresent(policy) != null;
    }

    /** The session policies of an issued session, for evaluating its later calls. */
    List<NamedPolicy> of(SessionContext session) {
        var all = new ArrayList<NamedPolicy>();
        if (session.sessionPolicy() != null) {
            all.add(new NamedPolicy("session policy", parse(session.sessionPolicy())));
        }
        for (String arn : session.policyArns()) {
            // A managed policy deleted since issuance narrows the session to nothing, never widens it.
            var managed = directory.managedPolicy(arn);
            if (managed.isEmpty()) {
                all.add(new NamedPolicy("session policy " + arn + " (deleted)", PolicyParser.parseIdentityPolicy(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
            } else {
                all.add(new NamedPolicy("session policy " + arn, managed.get().policy().document()));
            }
        }
        return all;
    }

    /**
     * The percentage of the packed budget used by the session policy, policy ARNs and tags, or null when none were
     * passed (AWS then omits PackedPolicySize).
     */
    Integer packedSize(String policy, List<String> policyArns, List<SessionTag> tags) {
        if (policy == null && policyArns.isEmpty() && tags.isEmpty()) {
            return null;
        }
        var text = new StringBuilder();
        if (policy != null) {
            text.append(policy);
        }
        policyArns.forEach(a -> text.append('\n').append(a));
        tags.forEach(t -> text.append('\n').append(t.key()).append('=').append(t.value()));
        int packed = RawDeflate.deflate(text.toString().getBytes(StandardCharsets.UTF_8), Deflater.BEST_COMPRESSION).length;
        int percent = (int) Math.ceil(packed * 100.0 / PACKED_BUDGET_BYTES);
        if (percent > 100) {
            String what = policy == null && policyArns.isEmpty() ? "session tags" : "session policies and tags";
            throw new StsException(ErrorCode.PACKED_POLICY_TOO_LARGE, ReasonCode.PACKED_POLICY_TOO_LARGE,
                    "Packed size of " + what + " consumes " + percent + "% of allotted space.");
        }
        return percent;
    }
}
