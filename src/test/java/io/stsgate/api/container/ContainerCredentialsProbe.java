package io.stsgate.api.container;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A workload's JVM in miniature, run as its own process: the AWS SDK for Java v2's default credentials chain with
 * whatever environment and trust store it was started with, then GetCallerIdentity at the stsgate given as argument.
 * Prints the caller's ARN.
 */
public final class ContainerCredentialsProbe {

    private ContainerCredentialsProbe() {
    }

    public static void main(String[] args) {
        try (var provider = DefaultCredentialsProvider.builder().build();
                StsClient sts = StsClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                        .credentialsProvider(provider).httpClient(UrlConnectionHttpClient.create()).build()) {
            System.out.println(sts.getCallerIdentity().arn());
        }
    }
}
