package io.stsgate.engine;

import java.util.List;

/** An AssumeRole request whose parameters already passed the wire-format checks. */
public record AssumeRoleCommand(String roleArn, String roleSessionName, Integer durationSeconds, String policy,
        List<String> policyArns, List<SessionTag> tags, List<String> transitiveTagKeys, String externalId,
        String serialNumber, String tokenCode, String sourceIdentity) {

    public AssumeRoleCommand {
        policyArns = List.copyOf(policyArns);
        tags = List.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    @Override
    public String toString() {
        return "AssumeRoleCommand[roleArn=" + roleArn + ", roleSessionName=" + roleSessionName + "]";
    }
}
