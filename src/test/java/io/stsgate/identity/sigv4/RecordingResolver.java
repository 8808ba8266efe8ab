package io.stsgate.identity.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * Knows the long-term key (no token) and the session key (with its token); everything else is an invalid client
 * token. Records every call.
 */
final class RecordingResolver implements CredentialResolver<String> {

    record Call(String accessKeyId, String securityToken) {
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public Resolution<String> resolve(String accessKeyId, String securityToken) {
        calls.add(new Call(accessKeyId, securityToken));
        if (accessKeyId.equals(TestSignedRequests.ACCESS_KEY_ID) && securityToken == null) {
            return Resolution.resolved(TestSignedRequests.SECRET, "user/alice");
        }
        if (accessKeyId.equals(TestSignedRequests.SESSION_ACCESS_KEY_ID)
                && TestSignedRequests.SESSION_TOKEN.equals(securityToken)) {
            return Resolution.resolved(TestSignedRequests.SESSION_SECRET, "assumed-role/demo/alice");
        }
        return Resolution.unresolved(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
    }
}
