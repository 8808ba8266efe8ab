package io.stsgate.directory;

import java.util.List;
import java.util.Optional;

/**
 * The store port: read access to accounts, users, keys, MFA devices, roles and managed policies. The embedded adapter
 * holds an immutable snapshot; a database adapter plugs in behind the same interface.
 */
public interface Directory {

    Optional<Account> account(String accountId);

    Optional<User> user(String userArn);

    Optional<AccessKey> accessKey(String accessKeyId);

    Optional<MfaDevice> mfaDevice(String serialNumber);

    Optional<Role> role(String roleArn);

    Optional<ManagedPolicy> managedPolicy(String policyArn);

    List<Account> accounts();

    /** The OIDC provider for an exact issuer; an issuer is registered once across the directory. */
    Optional<OidcProvider> oidcProviderByIssuer(String issuer);

    List<OidcProvider> oidcProviders();

    Optional<SamlProvider> samlProvider(String providerArn);

    /** Every SAML provider, ordered by ARN: the browser sign-in has no PrincipalArn and finds its provider here. */
    List<SamlProvider> samlProviders();

    /** The workload association of a token's issuer and subject; at most one exists across the directory. */
    Optional<WorkloadAssociation> workloadAssociation(String issuer, String subject);

    /** The HTTP API the nginx face protects under {@code /authz/v1/nginx/apis/<name>}. */
    Optional<HttpApi> httpApi(String name);

    /** A bucket the directory declares (owner and bucket policy); a bucket not declared has neither. */
    Optional<Bucket> bucket(String name);
}
