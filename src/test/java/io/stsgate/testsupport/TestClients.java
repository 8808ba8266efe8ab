package io.stsgate.testsupport;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Unmodified AWS SDK for Java v2 clients pointed at a running stsgate. */
public final class TestClients {

    private TestClients() {
    }

    public static StsClient sts(URI endpoint, AwsCredentials credentials) {
        return sts(endpoint, StaticCredentialsProvider.create(credentials));
    }

    /** A client that signs nothing, as for the AssumeRoleWith* calls, which the federated token alone authenticates. */
    public static StsClient anonymous(URI endpoint) {
        return sts(endpoint, AnonymousCredentialsProvider.create());
    }

    public static StsClient alice(URI endpoint) {
        return sts(endpoint, AwsBasicCredentials.create(Demo.ALICE_KEY_ID, Demo.ALICE_SECRET));
    }

    public static StsClient auditor(URI endpoint) {
        return sts(endpoint, AwsBasicCredentials.create(Demo.AUDITOR_KEY_ID, Demo.AUDITOR_SECRET));
    }

    public static StsClient withSession(URI endpoint, Credentials credentials) {
        return sts(endpoint, AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken()));
    }

    private static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
