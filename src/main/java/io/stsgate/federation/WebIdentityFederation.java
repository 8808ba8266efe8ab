package io.stsgate.federation;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.identity.oidc.OidcIssuers;

/**
 * AssumeRoleWithWebIdentity from a web identity token to a session, and its explanation: the ProviderId rule, the
 * token's checks ({@link WebIdentityTokens}), then the engine's. {@link #assumeRole} and {@link #explain} take the same
 * {@link Proof} from {@link #prove}, so explain reports the refusal issuance answers.
 */
public final class WebIdentityFederation {

    private final WebIdentityTokens tokens;
    private final FederatedAssumption engine;
    private final Directory directory;

    public WebIdentityFederation(WebIdentityTokens tokens, FederatedAssumption engine, Directory directory) {
        this.tokens = tokens;
        this.engine = engine;
        this.directory = directory;
    }

    /**
     * Issues the session, or refuses with the {@link StsException} to answer: thrown for the ProviderId rule, as a
     * failed {@link Uni} for the token and the engine.
     *
     * @param providerId the request's ProviderId, or null
     */
    public Uni<FederatedSession> assumeRole(String token, String providerId, FederatedAssumeCommand command,
            RequestInfo info, AuditDraft audit) {
        var refused = providerIdRule(providerId);
        if (refused != null) {
            refused.issue(engine, info, audit);
        }
        return tokens.check(token).map(checked -> proof(checked, command).issue(engine, info, audit));
    }

    /** Every check the request would meet, without issuing anything; the token is never echoed. */
    public Uni<FederationExplanation> explain(String token, String providerId, FederatedAssumeCommand command,
            RequestInfo info) {
        var refused = providerIdRule(providerId);
        if (refused != null) {
            return Uni.createFrom().item(refused.explain(engine, info));
        }
        return tokens.check(token).map(checked -> {
            var proof = proof(checked, command);
            var explanation = proof.explain(engine, info);
            if (proof instanceof Proof.Refused r && r.providerArn() == null) {
                // The verifier refused the token: name the provider its unverified issuer claims, for the advice.
                var claimed = OidcIssuers.claimedIssuer(token).flatMap(directory::oidcProviderByIssuer);
                if (claimed.isPresent()) {
                    return explanation.withProvider(claimed.get().arn(), r.check().equals(ProofChecks.AUDIENCE)
                            ? List.of(audienceAdvice(r.refusal().detail(), claimed.get()))
                            : List.of());
                }
            }
            return explanation;
        });
    }

    /** ProviderId names an OAuth 2.0 access token's provider: refused before the token is read, or null. */
    private static Proof.Refused providerIdRule(String providerId) {
        if (providerId == null) {
            return null;
        }
        return new Proof.Refused(ProofChecks.WEB_IDENTITY, ProofChecks.PARSED,
                new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                        "ProviderId is only for OAuth 2.0 access tokens, which stsgate does not accept; omit it for "
                                + "OpenID Connect ID tokens."),
                null, List.of());
    }

    /** The token's checks, in {@link ProofChecks#WEB_IDENTITY}'s order, as a proof. */
    private static Proof proof(WebIdentityTokens.Checked checked, FederatedAssumeCommand command) {
        if (checked instanceof WebIdentityTokens.Refused refused) {
            return new Proof.Refused(ProofChecks.WEB_IDENTITY, refused.check(), refused.refusal(),
                    refused.providerArn(), List.of());
        }
        var principal = ((WebIdentityTokens.Verified) checked).principal();
        return new Proof.Accepted(ProofChecks.WEB_IDENTITY, principal, command, ResponseFacts.of(principal));
    }

    private static String audienceAdvice(String detail, OidcProvider provider) {
        return "the token's audience is not among the provider's clientIds " + provider.clientIds() + " (" + detail
                + "): add the token's client id to the provider, or request the token for one of them";
    }
}
