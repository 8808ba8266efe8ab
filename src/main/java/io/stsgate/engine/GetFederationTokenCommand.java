package io.stsgate.engine;

import java.util.List;

/** A GetFederationToken request. */
public record GetFederationTokenCommand(String name, Integer durationSeconds, String policy, List<String> policyArns,
        List<SessionTag> tags) {

    public GetFederationTokenCommand {
        policyArns = List.copyOf(policyArns);
        tags = List.copyOf(tags);
    }
}
