package io.stsgate.directory;

/**
 * Beyond AWS, like an EKS Pod Identity association: the workloads whose tokens an OIDC provider of the account signs
 * for {@link #subject()} (for Kubernetes {@code system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT}) get credentials of
 * {@link #roleArn()} from the container credentials endpoint. The role's trust policy still decides.
 *
 * @param name the association's name, unique in its account
 * @param issuer the issuer of the account's OIDC provider that signs the workloads' tokens
 * @param clusterName the value of the {@code eks-cluster-name} session tag
 * @param sessionDuration seconds a session lasts, or null for the role's default (one hour)
 */
public record WorkloadAssociation(String accountId, String name, String issuer, String subject, String roleArn,
        String clusterName, Integer sessionDuration) {

    /** The entry's key in the store and the admin API. */
    public static String key(String accountId, String name) {
        return accountId + "/" + name;
    }
}
