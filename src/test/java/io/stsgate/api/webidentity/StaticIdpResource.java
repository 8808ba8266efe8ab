package io.stsgate.api.webidentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.identity.oidc.TestKeys;
import io.stsgate.testsupport.KeyFiles;

/**
 * An identity provider that stsgate never calls: its keys are a static JWKS in the directory, and the private key is
 * left in a file for the test to sign with (test resources and tests do not share class loaders).
 */
public class StaticIdpResource implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://idp.stsgate.test/realms/apps";
    static final String CLIENT_ID = "mobile-app";
    static final String PROVIDER_ARN = "arn:aws:iam::555555555555:oidc-provider/idp.stsgate.test/realms/apps";
    static final String APP_ROLE = "arn:aws:iam::555555555555:role/mobile-users";
    static final String SOURCE_IDENTITY_ROLE = "arn:aws:iam::555555555555:role/with-source-identity";
    static final String UNTRUSTING_ROLE = "arn:aws:iam::555555555555:role/not-for-this-idp";
    /** Trusts the provider but not with session tags (no sts:TagSession). */
    static final String NO_TAGS_ROLE = "arn:aws:iam::555555555555:role/no-session-tags";
    /** Denies every subject not equal to the department tag, which the tokens do not carry. */
    static final String DEPARTMENT_ROLE = "arn:aws:iam::555555555555:role/department-subjects";
    static final String KEY_ID = "static-1";
    private static final Path DIRECTORY = Path.of("target", "static-idp").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        var key = TestKeys.rsa2048(KEY_ID);
        try {
            KeyFiles.write(DIRECTORY.resolve("signing-key.pk8"), key.privateKey());
            Path directoryFile = DIRECTORY.resolve("directory.yaml");
            Files.writeString(directoryFile, """
                    accounts:
                      - id: "555555555555"
                        oidcProviders:
                          - url: "%1$s"
                            clientIds: [%2$s]
                            jwks: '%3$s'
                            tagClaims: { mail: email }
                        roles:
                          - name: mobile-users
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Sid: VerifiedEmailsOnly
                                  Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                                  Condition:
                                    StringEquals: { "idp.stsgate.test/realms/apps:aud": %2$s }
                                    Bool: { "idp.stsgate.test/realms/apps:email_verified": "true" }
                          - name: with-source-identity
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity"]
                          - name: no-session-tags
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Sid: AppOnly
                                  Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: sts:AssumeRoleWithWebIdentity
                          - name: department-subjects
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Sid: App
                                  Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                                - Sid: DepartmentSubjects
                                  Effect: Deny
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                                  Condition:
                                    StringNotEquals:
                                      "idp.stsgate.test/realms/apps:sub": "${aws:RequestTag/department}"
                          - name: not-for-this-idp
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "arn:aws:iam::555555555555:oidc-provider/other.example.com" }
                                  Action: sts:AssumeRoleWithWebIdentity
                      - id: "666666666666"
                        roles:
                          - name: elsewhere
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: sts:AssumeRoleWithWebIdentity
                    """.formatted(ISSUER, CLIENT_ID, TestKeys.jwks(key), PROVIDER_ARN));
            return Map.of("stsgate.directory.file", directoryFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Files under target/ are left for inspection.
    }

    /** The private half of the static key, as written by {@link #start()}. */
    static PrivateKey signingKey() {
        return KeyFiles.read(DIRECTORY.resolve("signing-key.pk8"));
    }
}
