package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DirectoryFileLoaderTest {

    private static final String ROLE_TRUST = """
            trustPolicy:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Principal: { AWS: "111111111111" }
                          Action: sts:AssumeRole
            """;

    private static DirectorySnapshot load(String yaml) {
        return DirectoryFileLoader.load("test.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String account(String body) {
        return "accounts:\n  - id: \"111111111111\"\n    name: test\n" + body;
    }

    @Test
    void loadWhenDemoDirectoryThenEverythingIsThere() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            var directory = DirectoryFileLoader.load("demo", in);
            assertThat(directory.accounts()).extracting(Account::id).containsExactly("111111111111", "222222222222",
                    "333333333333");
            assertThat(directory.oidcProviderByIssuer("http://localhost:8180/realms/stsgate")).get()
                    .extracting(OidcProvider::arn)
                    .isEqualTo("arn:aws:iam::333333333333:oidc-provider/localhost:8180/realms/stsgate");
            assertThat(directory.accessKey("AKIAIOSFODNN7EXAMPLE")).get()
                    .extracting(AccessKey::userArn).isEqualTo("arn:aws:iam::111111111111:user/alice");
            assertThat(directory.mfaDevice("arn:aws:iam::111111111111:mfa/alice")).isPresent();
            assertThat(directory.role("arn:aws:iam::222222222222:role/partner-readonly")).get()
                    .satisfies(r -> assertThat(r.managedPolicyArns())
                            .containsExactly("arn:aws:iam::222222222222:policy/ReadOnly"));
            assertThat(directory.role("arn:aws:iam::222222222222:role/admin-mfa")).isPresent();
        }
    }

    @Test
    void loadWhenRoleIdsAreDerivedThenTheyAreStable() {
        String yaml = account("    roles:\n      - name: r1\n        " + ROLE_TRUST);
        assertThat(load(yaml).role("arn:aws:iam::111111111111:role/r1").get().roleId())
                .isEqualTo(load(yaml).role("arn:aws:iam::111111111111:role/r1").get().roleId())
                .startsWith("AROA").hasSize(21);
    }

    @Test
    void loadWhenNoAccountsThenError() {
        assertThatThrownBy(() -> load("accounts: []\n"))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessage("test.yaml: accounts: at least one account is required");
    }

    @Test
    void loadWhenUnknownFieldThenErrorNamesIt() {
        assertThatThrownBy(() -> load(account("    colour: blue\n")))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageStartingWith("test.yaml: ")
                .hasMessageContaining("colour");
    }

    @Test
    void loadWhenAccountIdIsNotTwelveDigitsThenError() {
        assertThatThrownBy(() -> load("accounts:\n  - id: \"12345\"\n"))
                .hasMessage("test.yaml: accounts[0]: id: must be 12 digits (quote it in YAML), got '12345'");
    }

    @Test
    void loadWhenDuplicateAccountThenError() {
        assertThatThrownBy(() -> load("accounts:\n  - id: \"111111111111\"\n  - id: \"111111111111\"\n"))
                .hasMessage("test.yaml: accounts[1] '111111111111': id: duplicate account");
    }

    @Test
    void loadWhenRoleHasNoTrustPolicyThenError() {
        assertThatThrownBy(() -> load(account("    roles:\n      - name: r1\n")))
                .hasMessage("test.yaml: accounts[0] '111111111111' > roles[0] 'r1': trustPolicy: is required");
    }

    @Test
    void loadWhenTrustPolicyIsMalformedThenErrorNamesRoleAndStatement() {
        String yaml = account(
                """
                            roles:
                              - name: r1
                                trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"}}]}'
                        """);
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageStartingWith("test.yaml: accounts[0] '111111111111' > roles[0] 'r1': trustPolicy: ");
    }

    @Test
    void loadWhenTrustPolicyUsesNotPrincipalThenErrorNamesRoleStatementAndElement() {
        String yaml = account(
                """
                            roles:
                              - name: r1
                                trustPolicy: '{"Version":"2012-10-17","Statement":[{"Sid":"Others","Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}'
                        """);
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(DirectoryFileException.class, e -> assertThat(e.malformedPolicy()).isTrue())
                .hasMessageStartingWith("test.yaml: accounts[0] '111111111111' > roles[0] 'r1': trustPolicy: "
                        + "Statement 'Others' (index 0): element 'NotPrincipal' is not allowed in a role trust policy");
    }

    @Test
    void loadWhenMaxSessionDurationOutOfRangeThenError() {
        String yaml = account("    roles:\n      - name: r1\n        maxSessionDuration: 60\n        " + ROLE_TRUST);
        assertThatThrownBy(() -> load(yaml)).hasMessage("test.yaml: accounts[0] '111111111111' > roles[0] 'r1': "
                + "maxSessionDuration: must be between 3600 and 43200 seconds, got 60");
    }

    @Test
    void loadWhenAccessKeyIdIsMalformedThenError() {
        String yaml = account("""
                    users:
                      - name: bob
                        accessKeys:
                          - id: NOTAKEY
                            secret: abcdefghijklmnopqrstuvwxyz
                """);
        assertThatThrownBy(() -> load(yaml)).hasMessage("test.yaml: accounts[0] '111111111111' > users[0] 'bob' > "
                + "accessKeys[0]: id: must be AKIA followed by 16 upper-case letters or digits");
    }

    @Test
    void loadWhenSecretIsTooShortThenErrorWithoutTheSecret() {
        String yaml = account("""
                    users:
                      - name: bob
                        accessKeys:
                          - id: AKIAAAAAAAAAAAAAAAAA
                            secret: short
                """);
        assertThatThrownBy(() -> load(yaml))
                .hasMessageEndingWith("secret: must be 16 to 128 characters")
                .message().doesNotContain("short");
    }

    @Test
    void loadWhenMfaSeedIsNotBase32ThenError() {
        String yaml = account("""
                    users:
                      - name: bob
                        mfaDevices:
                          - name: bob
                            seed: "not base32!"
                """);
        assertThatThrownBy(() -> load(yaml)).hasMessage("test.yaml: accounts[0] '111111111111' > users[0] 'bob' > "
                + "mfaDevices[0] 'bob': seed: not valid base32");
    }

    @Test
    void loadWhenManagedPolicyIsMissingThenError() {
        String yaml = account("""
                    users:
                      - name: bob
                        policies:
                          managed: ["arn:aws:iam::111111111111:policy/Nope"]
                """);
        assertThatThrownBy(() -> load(yaml)).hasMessage("test.yaml: accounts[0] '111111111111' > users[0] 'bob' > "
                + "policies.managed[0]: no managed policy 'arn:aws:iam::111111111111:policy/Nope' in this file");
    }

    @Test
    void loadWhenInlinePolicyHasPrincipalThenError() {
        String yaml = account(
                """
                            users:
                              - name: bob
                                policies:
                                  inline:
                                    p1: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}'
                        """);
        assertThatThrownBy(() -> load(yaml)).hasMessageStartingWith(
                "test.yaml: accounts[0] '111111111111' > users[0] 'bob' > policies.inline.p1: ");
    }

    @Test
    void loadWhenTagKeysCollideIgnoringCaseThenError() {
        String yaml = account("    users:\n      - name: bob\n        tags: {Team: a, team: b}\n");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("duplicate tag key");
    }

    @Test
    void loadWhenYamlIsBrokenThenErrorNamesTheLine() {
        assertThatThrownBy(() -> load("accounts:\n  - id: [\n")).hasMessageStartingWith("test.yaml: ")
                .hasMessageContaining("line");
    }

    private static String provider(String body) {
        return account("    oidcProviders:\n      - " + body.strip().replace("\n", "\n        ") + "\n");
    }

    @Test
    void loadWhenOidcProviderUsesPlainHttpOnAPublicHostThenError() {
        assertThatThrownBy(() -> load(provider("url: http://idp.example.com\nclientIds: [app]")))
                .hasMessage("test.yaml: accounts[0] '111111111111' > oidcProviders[0] 'http://idp.example.com': url: "
                        + "must begin with https:// (plain http only for loopback hosts or with allowInsecureHttp: "
                        + "true)");
    }

    @Test
    void loadWhenOidcProviderUsesPlainHttpOnLoopbackThenAccepted() {
        var directory = load(provider("url: http://127.0.0.1:8180/realms/x\nclientIds: [app]"));
        assertThat(directory.oidcProviderByIssuer("http://127.0.0.1:8180/realms/x")).get()
                .extracting(OidcProvider::arn)
                .isEqualTo("arn:aws:iam::111111111111:oidc-provider/127.0.0.1:8180/realms/x");
    }

    @Test
    void loadWhenOidcProviderAllowsAnHmacAlgorithmThenError() {
        assertThatThrownBy(() -> load(provider("url: https://idp.example.com\nclientIds: [app]\n"
                + "allowedAlgorithms: [RS256, HS256]"))).hasMessageContaining("allowedAlgorithms: 'HS256' is not allowed");
    }

    @Test
    void loadWhenOidcProviderHasNoClientIdsThenError() {
        assertThatThrownBy(() -> load(provider("url: https://idp.example.com")))
                .hasMessageEndingWith("clientIds: between 1 and 100 client ids (audiences) are required");
    }

    @Test
    void loadWhenOidcIssuerIsRegisteredTwiceThenError() {
        String yaml = account("""
                    oidcProviders:
                      - url: https://idp.example.com
                        clientIds: [a]
                      - url: https://idp.example.com
                        clientIds: [b]
                """);
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("this issuer is already registered");
    }

    @Test
    void loadWhenClockSkewIsAboveFiveMinutesThenError() {
        assertThatThrownBy(() -> load(provider("url: https://idp.example.com\nclientIds: [app]\nclockSkew: PT10M")))
                .hasMessageEndingWith("clockSkew: must be between PT0S and PT5M");
    }
}
