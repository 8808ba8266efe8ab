package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Workload associations in the directory file: what loads, and each refusal naming the entry and the field. */
class WorkloadAssociationsLoadingTest {

    private static final String ISSUER = "https://cluster.example.com";

    private static DirectorySnapshot load(String... associations) {
        String yaml = """
                accounts:
                  - id: "111111111111"
                    oidcProviders:
                      - url: %s
                        clientIds: [stsgate]
                    workloadAssociations:
                %s
                  - id: "222222222222"
                """.formatted(ISSUER, String.join("\n", java.util.Arrays.stream(associations)
                .map(a -> "      - " + a.replace("\n", "\n        ")).toList()));
        return DirectoryFileLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String entry(String name, String subject, String roleArn) {
        return "name: " + name + "\nprovider: " + ISSUER + "\nsubject: " + subject + "\nroleArn: " + roleArn;
    }

    private static final String VALID = entry("payments", "system:serviceaccount:payments:api",
            "arn:aws:iam::111111111111:role/payments-api");

    @Test
    void anAssociationLoadsWithTheIssuerAsItsDefaultClusterName() {
        var association = load(VALID).workloadAssociation(ISSUER, "system:serviceaccount:payments:api").orElseThrow();

        assertThat(association.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/payments-api");
        assertThat(association.clusterName()).isEqualTo("cluster.example.com");
        assertThat(association.sessionDuration()).isNull();
    }

    @Test
    void anotherSubjectOfTheSameProviderHasNoAssociation() {
        assertThat(load(VALID).workloadAssociation(ISSUER, "system:serviceaccount:payments:other")).isEmpty();
    }

    @Test
    void anInvalidNameIsRefused() {
        assertThatThrownBy(() -> load(entry("'pay ments'", "s", "arn:aws:iam::111111111111:role/r")))
                .hasMessageContaining("workloadAssociations[0]: name: must be 1 to 64 characters");
    }

    @Test
    void aMissingSubjectIsRefused() {
        assertThatThrownBy(() -> load("name: payments\nprovider: " + ISSUER
                + "\nroleArn: arn:aws:iam::111111111111:role/r"))
                .hasMessageContaining("'payments': subject: the token's sub");
    }

    @Test
    void aProviderOfAnotherAccountIsRefused() {
        assertThatThrownBy(() -> load(VALID.replace(ISSUER, "https://elsewhere.example.com")))
                .hasMessageContaining("provider: must be the url of an OIDC provider of this account");
    }

    @Test
    void aRoleOfAnotherAccountIsRefused() {
        assertThatThrownBy(() -> load(VALID.replace("111111111111:role", "222222222222:role")))
                .hasMessageContaining("roleArn: must be the ARN of a role of this account");
    }

    @Test
    void aClusterNameThatCannotBeATagValueIsRefused() {
        assertThatThrownBy(() -> load(VALID + "\nclusterName: 'prod<eu>'"))
                .hasMessageContaining("clusterName: must be 1 to 256 letters");
    }

    @Test
    void aSecondAssociationOfTheSameSubjectIsRefused() {
        assertThatThrownBy(() -> load(VALID, entry("again", "system:serviceaccount:payments:api",
                "arn:aws:iam::111111111111:role/other")))
                .hasMessageContaining("'again': subject: another workload association already maps");
    }

    @Test
    void aSessionDurationOutsideAwsLimitsIsRefused() {
        assertThatThrownBy(() -> load(VALID + "\nsessionDuration: 50000"))
                .hasMessageContaining("sessionDuration: must be between 900 and 43200 seconds, got 50000");
    }
}
