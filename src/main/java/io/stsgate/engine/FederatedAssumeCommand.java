package io.stsgate.engine;

import java.util.List;

/** The parameters of AssumeRoleWithWebIdentity and AssumeRoleWithSAML that are not in the token. */
public record FederatedAssumeCommand(String roleArn, String roleSessionName, Integer durationSeconds, String policy,
        List<String> policyArns) {

    public FederatedAssumeCommand {
        policyArns = List.copyOf(policyArns);
    }
}
