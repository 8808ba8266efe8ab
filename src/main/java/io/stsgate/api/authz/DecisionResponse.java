package io.stsgate.api.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer: who signed and, per question, allow or deny with the reason; or, when the signed request does not
 * authenticate anyone, the AWS error to relay to the client.
 *
 * @param requestId the id of this decision in the audit trail
 * @param authenticated whether the signature and the credential are valid
 * @param principal who signed (null when not authenticated)
 * @param decisions one per question, in order (empty when not authenticated)
 * @param cacheSeconds how long the service may reuse this answer for the same credential and questions (0: not)
 * @param payload how the body is covered by the signature: {@code signed}, {@code unsigned} or {@code streaming}
 *        (aws-chunked: stsgate checked the seed signature; the chunk signatures are the service's to check)
 * @param error the AWS error for the client when not authenticated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(String requestId, boolean authenticated, Principal principal, List<Answer> decisions,
        long cacheSeconds, String payload, AwsError error) {

    /**
     * @param arn the caller's ARN (session ARN for temporary credentials)
     * @param account its account
     * @param userId {@code aws:userid}: {@code AROA…:session}, the user id, …
     * @param type {@code User}, {@code AssumedRole} or {@code FederatedUser}
     * @param accessKeyId the key the request was signed with
     * @param sessionTags the session's tags (temporary credentials only)
     * @param sourceIdentity the session's source identity, or null
     * @param expiresAt when the temporary credential expires, or null for long-term keys
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Principal(String arn, String account, String userId, String type, String accessKeyId,
            Map<String, String> sessionTags, String sourceIdentity, Instant expiresAt) {
    }

    /**
     * @param allowed the answer
     * @param outcome {@code ALLOW}, {@code EXPLICIT_DENY} or {@code IMPLICIT_DENY}
     * @param reason one line for a log or an error message
     * @param deciding the statements that allowed or denied, as {@code policy / statement}
     * @param reasons why nothing allowed, or which statement denied: statements, conditions (never request values)
     */
    public record Answer(String action, String resource, boolean allowed, String outcome, String reason,
            List<String> deciding, List<String> reasons) {
    }

    /** AWS's error: the code and message to send the client, and the HTTP status AWS uses for it. */
    public record AwsError(String code, String message, int httpStatus) {
    }
}
