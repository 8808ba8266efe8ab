package io.stsgate.federation;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.StsException;
import io.stsgate.identity.oidc.OidcFailure;
import io.stsgate.identity.oidc.TokenVerification;
import io.stsgate.identity.oidc.TrustedIssuers;
import io.stsgate.identity.oidc.VerifiedToken;

/**
 * The one way a web identity token becomes a federated principal, for every entry point that takes one
 * (AssumeRoleWithWebIdentity, the container credentials endpoint): the issuer registry verifies it, the directory
 * names its provider, {@link WebIdentityPrincipals} maps its claims. A refusal fails the {@link Uni} with the
 * {@link StsException} AssumeRoleWithWebIdentity answers, so every entry point refuses the same tokens the same way.
 */
public final class WebIdentityTokens {

    private final TrustedIssuers issuers;
    private final Directory directory;

    public WebIdentityTokens(TrustedIssuers issuers, Directory directory) {
        this.issuers = issuers;
        this.directory = directory;
    }

    /** What a token came to: verified, or refused at one of {@link ProofChecks#WEB_IDENTITY}. */
    public sealed interface Checked {
    }

    /**
     * A token that passed every check, with its provider and the principal trust policies see.
     *
     * @param token the verified token, for what an entry point reads beyond the principal (Kubernetes claims)
     */
    public record Verified(VerifiedToken token, OidcProvider provider, FederatedPrincipal principal) implements Checked {
    }

    /**
     * A refused token.
     *
     * @param check the check of {@link ProofChecks#WEB_IDENTITY} that refused it
     * @param refusal the error AssumeRoleWithWebIdentity answers, with its audit reason
     * @param providerArn the provider of the verified issuer, or null when the verifier refused the token
     */
    public record Refused(String check, StsException refusal, String providerArn) implements Checked {
    }

    /** Verifies {@code token}; a refusal fails the {@link Uni} with the {@link StsException} to answer. */
    public Uni<Verified> verify(String token) {
        return issuers.current().verify(token).map(verification -> {
            var checked = checked(verification);
            if (checked instanceof Refused refused) {
                throw refused.refusal();
            }
            return (Verified) checked;
        });
    }

    /** Runs every check of {@code token}; its contents never reach a message or a log. */
    public Uni<Checked> check(String token) {
        return issuers.current().verify(token).map(this::checked);
    }

    private Checked checked(TokenVerification verification) {
        if (verification instanceof TokenVerification.Rejected rejected) {
            return new Refused(ProofChecks.check(rejected.failure()), rejection(rejected), null);
        }
        var verified = ((TokenVerification.Verified) verification).token();
        var provider = directory.oidcProviderByIssuer(verified.issuer()).orElse(null);
        if (provider == null) {
            return new Refused(ProofChecks.ISSUER, new StsException(ErrorCode.INVALID_IDENTITY_TOKEN,
                    ReasonCode.TOKEN_UNKNOWN_ISSUER, "No OpenIDConnect provider found in your account for "
                            + verified.issuer()),
                    null);
        }
        try {
            return new Verified(verified, provider, WebIdentityPrincipals.of(verified, provider));
        } catch (StsException e) {
            return new Refused(ProofChecks.SESSION_CLAIMS, e, provider.arn());
        }
    }

    private static StsException rejection(TokenVerification.Rejected rejected) {
        OidcFailure failure = rejected.failure();
        return new StsException(ErrorCode.ofWireCode(failure.wireCode()), reason(failure), rejected.clientMessage(),
                rejected.detail());
    }

    /** The audit reason of a verifier refusal. */
    public static ReasonCode reason(OidcFailure failure) {
        return switch (failure) {
            case MALFORMED -> ReasonCode.TOKEN_MALFORMED;
            case UNKNOWN_ISSUER -> ReasonCode.TOKEN_UNKNOWN_ISSUER;
            case ALGORITHM_NOT_ALLOWED -> ReasonCode.TOKEN_ALGORITHM_NOT_ALLOWED;
            case UNKNOWN_KEY -> ReasonCode.TOKEN_UNKNOWN_KEY;
            case KEY_ID_INVALID -> ReasonCode.TOKEN_KEY_ID_INVALID;
            case WEAK_KEY -> ReasonCode.TOKEN_WEAK_KEY;
            case BAD_SIGNATURE -> ReasonCode.TOKEN_BAD_SIGNATURE;
            case EXPIRED -> ReasonCode.TOKEN_EXPIRED;
            case NOT_YET_VALID -> ReasonCode.TOKEN_NOT_YET_VALID;
            case ISSUED_IN_FUTURE -> ReasonCode.TOKEN_ISSUED_IN_FUTURE;
            case TOKEN_TOO_OLD -> ReasonCode.TOKEN_TOO_OLD;
            case MISSING_AUDIENCE -> ReasonCode.TOKEN_MISSING_AUDIENCE;
            case WRONG_AUDIENCE -> ReasonCode.TOKEN_WRONG_AUDIENCE;
            case MISSING_SUBJECT -> ReasonCode.TOKEN_MISSING_SUBJECT;
            case TOO_LARGE -> ReasonCode.TOKEN_TOO_LARGE;
            case IDP_UNREACHABLE -> ReasonCode.IDP_UNREACHABLE;
        };
    }
}
