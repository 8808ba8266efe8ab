package io.stsgate.api.query;

import java.util.List;

import io.stsgate.engine.SessionTag;

/** Reads the parameters several actions share: Policy, PolicyArns, Tags, TransitiveTagKeys. */
final class SessionParameters {

    private SessionParameters() {
    }

    static String roleArn(QueryParameters params) {
        return ParameterRules.text(ParameterRules.required(params, "RoleArn", "roleArn"), "roleArn", 20, 2048,
                ParameterRules.ARN);
    }

    static String roleSessionName(QueryParameters params) {
        return ParameterRules.text(ParameterRules.required(params, "RoleSessionName", "roleSessionName"),
                "roleSessionName", 2, 64, ParameterRules.SESSION_NAME);
    }

    /** DurationSeconds of the AssumeRole* actions; the role's maximum is checked by the engine. */
    static Integer roleDuration(QueryParameters params) {
        return ParameterRules.integer(params.value("DurationSeconds"), "durationSeconds", 900, 43200);
    }

    static String policy(QueryParameters params) {
        return ParameterRules.text(params.value("Policy"), "policy", 1, Integer.MAX_VALUE,
                ParameterRules.POLICY_TEXT);
    }

    static List<String> policyArns(QueryParameters params) {
        return params.memberStructures("PolicyArns", List.of("arn")).stream()
                .map(m -> ParameterRules.text(m.get("arn") == null ? "" : m.get("arn"), "policyArns.member.arn", 20,
                        2048, ParameterRules.ARN))
                .toList();
    }

    static List<SessionTag> tags(QueryParameters params) {
        return params.memberStructures("Tags", List.of("Key", "Value")).stream().map(m -> {
            String key = m.get("Key");
            String value = m.get("Value");
            if (key == null || value == null) {
                throw io.stsgate.engine.StsException.validation("1 validation error detected: Value null at "
                        + "'tags.member." + (key == null ? "key" : "value") + "' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            return new SessionTag(ParameterRules.text(key, "tags.member.key", 1, 128, ParameterRules.TAG_KEY),
                    ParameterRules.text(value, "tags.member.value", 0, 256, ParameterRules.TAG_VALUE));
        }).toList();
    }

    static List<String> transitiveTagKeys(QueryParameters params) {
        return params.members("TransitiveTagKeys").stream()
                .map(k -> ParameterRules.text(k, "transitiveTagKeys.member", 1, 128, ParameterRules.TAG_KEY))
                .toList();
    }
}
