package io.stsgate.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;
import io.stsgate.policy.Decision;
import io.stsgate.policy.Outcome;

/**
 * Encoded authorization failure messages: the full reason of a denial, sealed so that only callers allowed
 * {@code sts:DecodeAuthorizationMessage} can read it, as AWS does.
 */
public final class AuthorizationMessages {

    static final String BOUND_TO = "stsgate-authorization-message";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TokenSealer sealer;
    private final Clock clock;

    public AuthorizationMessages(TokenSealer sealer, Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
    }

    String encode(Decision decision, String principalArn, String action, String resource) {
        var message = new LinkedHashMap<String, Object>();
        message.put("allowed", decision.allowed());
        message.put("explicitDeny", decision.outcome() == Outcome.EXPLICIT_DENY);
        message.put("matchedStatements", Map.of("items", decision.deciding().stream()
                .map(s -> Map.of("policy", s.policy(), "statementId", s.statement())).toList()));
        message.put("failures", Map.of("items", decision.reasons()));
        message.put("context", Map.of("principal", Map.of("arn", principalArn), "action", action, "resource",
                resource));
        message.put("expiresAt", clock.instant().plus(LIFETIME).getEpochSecond());
        try {
            return sealer.seal(JSON.writeValueAsBytes(message), BOUND_TO);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    /**
     * A message that names the request but no policy: for a role that does not exist or another account's trust
     * policy, which the caller's account may not learn about.
     */
    String encodeWithoutReasons(String principalArn, String action, String resource) {
        return encode(new Decision(Outcome.IMPLICIT_DENY, List.of(), List.of()), principalArn, action, resource);
    }

    /** The decoded JSON message; InvalidAuthorizationMessageException for anything else. */
    String decode(String encoded) {
        if (!(sealer.unseal(encoded, BOUND_TO) instanceof UnsealResult.Opened ok)) {
            throw invalid("not an authorization message of this service");
        }
        try {
            JsonNode message = JSON.readTree(ok.plaintext());
            if (message.path("expiresAt").asLong(0) <= clock.instant().getEpochSecond()) {
                throw invalid("expired");
            }
            // The expiry is ours; the caller sees the decision only.
            ((com.fasterxml.jackson.databind.node.ObjectNode) message).remove("expiresAt");
            return new String(JSON.writeValueAsBytes(message), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw invalid("not JSON");
        }
    }

    private static StsException invalid(String detail) {
        return new StsException(ErrorCode.INVALID_AUTHORIZATION_MESSAGE, ReasonCode.AUTHORIZATION_MESSAGE_INVALID,
                "The message is invalid or expired.", "authorization message " + detail);
    }
}
