package io.stsgate.federation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Arns;
import io.stsgate.directory.Directory;
import io.stsgate.directory.WorkloadAssociation;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.IssuedSession;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.SessionTag;
import io.stsgate.engine.StsException;

/**
 * What a workload's token asks of the container credentials endpoint: the token verified by {@link WebIdentityTokens}
 * (the verifier of AssumeRoleWithWebIdentity), the role its workload association names (or the one in the request
 * path, for setups without associations), a session name from the pod, and the session tags EKS Pod Identity sets.
 * The session never outlives the token: a workload's proof that expires takes its credentials with it.
 */
public final class WorkloadIdentities {

    static final String KUBERNETES_CLAIM = "kubernetes.io";
    static final String SERVICE_ACCOUNT_SUBJECT = "system:serviceaccount:";
    private static final Pattern SESSION_NAME_CHARACTER = Pattern.compile("[^\\w+=,.@-]");
    private static final int MAX_SESSION_NAME = 64;

    private final WebIdentityTokens tokens;
    private final FederatedAssumption engine;
    private final Directory directory;
    private final Clock clock;

    public WorkloadIdentities(WebIdentityTokens tokens, FederatedAssumption engine, Directory directory,
            Clock clock) {
        this.tokens = tokens;
        this.engine = engine;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The container credentials endpoint's request: {@link #resolve} the workload, then the engine's federated checks
     * with the pod's tags. A refusal fails the {@link Uni} (or is thrown, for a path that names no role) with the
     * {@link StsException} to answer.
     */
    public Uni<IssuedSession> assumeRole(String token, Optional<String> roleInPath, RequestInfo info,
            AuditDraft audit) {
        return resolve(token, roleInPath, audit).map(workload -> engine.assumeRoleWithFederation(workload.principal(),
                workload.podTags(), workload.command(), info, audit));
    }

    /**
     * A workload's request for credentials, ready for the engine.
     *
     * @param principal the token's principal, its sessions bounded by the token's expiry
     * @param podTags the tags that join the session when the trust policy allows {@code sts:TagSession}
     * @param association the association that chose the role, or null when the path named it
     */
    record WorkloadRequest(FederatedPrincipal principal, List<SessionTag> podTags,
            FederatedAssumeCommand command, String association) {
    }

    /**
     * Verifies {@code token} and resolves the role. An association wins: when one exists for the token's provider and
     * subject, a role in the path must be the associated one (a mismatch is refused, so a misconfigured workload
     * fails loudly instead of running as a role nobody meant); without one, the path's role is asked and its trust
     * policy decides alone.
     */
    Uni<WorkloadRequest> resolve(String token, Optional<String> roleInPath, AuditDraft audit) {
        if (roleInPath.isPresent() && Arns.roleAccount(roleInPath.get()).isEmpty()) {
            throw StsException.validation("The request path names no role: use /v1/container-credentials/"
                    + "arn:aws:iam::ACCOUNT:role/NAME, or no role at all");
        }
        roleInPath.ifPresent(audit::role);
        return tokens.verify(token).map(verified -> {
            var principal = verified.principal();
            audit.principal(principal.providerArn()).subject(principal.subject()).issuer(principal.issuer());
            var pod = KubernetesWorkload.of(verified.token().claims(), principal.subject());
            var association = directory.workloadAssociation(verified.provider().issuer(), principal.subject());
            String roleArn = role(association, roleInPath, principal);
            audit.role(roleArn);
            String sessionName = sessionName(pod.map(KubernetesWorkload::sessionSource).orElse(principal.subject()));
            String cluster = association.map(WorkloadAssociation::clusterName)
                    .orElse(verified.provider().hostAndPath());
            var tags = pod.map(p -> p.tags(cluster)).orElse(List.of());
            long remaining = Duration.between(clock.instant(), verified.token().expiresAt()).toSeconds();
            var bounded = principal.withMaxDuration((int) Math.max(1, Math.min(remaining, Integer.MAX_VALUE)));
            var command = new FederatedAssumeCommand(roleArn, sessionName,
                    association.map(WorkloadAssociation::sessionDuration).orElse(null), null, List.of());
            return new WorkloadRequest(bounded, tags, command, association.map(WorkloadAssociation::name).orElse(null));
        });
    }

    private static String role(Optional<WorkloadAssociation> association, Optional<String> roleInPath,
            FederatedPrincipal principal) {
        if (association.isPresent()) {
            String associated = association.get().roleArn();
            if (roleInPath.isPresent() && !roleInPath.get().equals(associated)) {
                throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.WORKLOAD_ROLE_MISMATCH,
                        "The workload association for this token's subject names another role than the request "
                                + "path; leave the role out of the path",
                        "association " + association.get().name() + " names " + associated + ", the path "
                                + roleInPath.get());
            }
            return associated;
        }
        return roleInPath.orElseThrow(() -> new StsException(ErrorCode.ACCESS_DENIED,
                ReasonCode.WORKLOAD_NOT_ASSOCIATED, "No workload association for subject " + principal.subject()
                        + " of " + principal.providerArn(),
                "no workload association for " + principal.providerArn() + "#" + principal.subject()
                        + " and no role in the path"));
    }

    /**
     * A session name within AWS's limits (2 to 64 of {@code [\w+=,.@-]}): the pod's name, else the subject, with
     * other characters replaced; a longer one keeps its first 55 characters and a hash of the whole, so pods whose
     * names differ only at the end keep distinct names.
     */
    static String sessionName(String source) {
        String name = SESSION_NAME_CHARACTER.matcher(source).replaceAll("-");
        if (name.length() > MAX_SESSION_NAME) {
            String hash = HexFormat.of().formatHex(sha256(source.getBytes(StandardCharsets.UTF_8)));
            name = name.substring(0, MAX_SESSION_NAME - 9) + "-" + hash.substring(0, 8);
        }
        return name.length() < 2 ? "workload-" + name : name;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The workload a Kubernetes service account token describes in its {@code kubernetes.io} claim. The claim must
     * agree with the subject: a token whose claim names another service account is refused rather than tagged.
     */
    record KubernetesWorkload(String namespace, String serviceAccount, String podName, String podUid) {

        static Optional<KubernetesWorkload> of(Map<String, Object> claims, String subject) {
            if (!(claims.get(KUBERNETES_CLAIM) instanceof Map<?, ?> claim)) {
                return Optional.empty();
            }
            String namespace = text(claim.get("namespace"));
            String serviceAccount = claim.get("serviceaccount") instanceof Map<?, ?> sa ? text(sa.get("name")) : null;
            if (namespace == null || serviceAccount == null
                    || !subject.equals(SERVICE_ACCOUNT_SUBJECT + namespace + ":" + serviceAccount)) {
                throw new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.TOKEN_CLAIMS_INVALID,
                        "The web identity token's kubernetes.io claim does not match its subject",
                        "kubernetes.io namespace and serviceaccount.name must give the sub "
                                + SERVICE_ACCOUNT_SUBJECT + "NAMESPACE:SERVICE_ACCOUNT");
            }
            Map<?, ?> pod = claim.get("pod") instanceof Map<?, ?> p ? p : Map.of();
            return Optional.of(new KubernetesWorkload(namespace, serviceAccount, text(pod.get("name")),
                    text(pod.get("uid"))));
        }

        String sessionSource() {
            return podName != null ? podName : serviceAccount;
        }

        /** EKS Pod Identity's tags; {@code eks-cluster-name} from the association (default: the issuer). */
        List<SessionTag> tags(String cluster) {
            var tags = new ArrayList<SessionTag>();
            tags.add(new SessionTag("eks-cluster-name", cluster));
            tags.add(new SessionTag("kubernetes-namespace", namespace));
            tags.add(new SessionTag("kubernetes-service-account", serviceAccount));
            if (podName != null) {
                tags.add(new SessionTag("kubernetes-pod-name", podName));
            }
            if (podUid != null) {
                tags.add(new SessionTag("kubernetes-pod-uid", podUid));
            }
            return tags;
        }

        private static String text(Object value) {
            return value instanceof String s && !s.isEmpty() ? s : null;
        }
    }
}
