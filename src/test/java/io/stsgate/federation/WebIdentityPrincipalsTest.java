package io.stsgate.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.StsException;
import io.stsgate.identity.oidc.VerifiedToken;

/** Each condition key of a web identity takes its values from one claim only. */
class WebIdentityPrincipalsTest {

    private static final String ISSUER = "https://sso.example.com/realms/corp";
    private static final String KEY = "sso.example.com/realms/corp:";
    private static final String SUBJECT = "6c1f0c33-8d4e-4c52-9a3e-1f2b7d9e4a10";
    private static final OidcProvider PROVIDER = new OidcProvider("111111111111", ISSUER, List.of("app"),
            OidcProvider.DEFAULT_ALGORITHMS, Duration.ofSeconds(60), Optional.empty(), Optional.empty(), false,
            Map.of());

    @Test
    void ofWhenClaimsAreDistinctThenEveryClaimIsOneKeyAndAwsKeysComeFromTheirClaims() {
        var principal = WebIdentityPrincipals.of(token(Map.of("azp", "app", "amr", List.of("pwd", "otp"),
                "realm_access", Map.of("roles", List.of("developer")), "groups", List.of("/ops"))), PROVIDER);
        var keys = principal.conditionKeys();
        assertThat(keys).containsEntry(KEY + "sub", List.of(SUBJECT)).containsEntry(KEY + "aud", List.of("app"))
                .containsEntry(KEY + "oaud", List.of("app")).containsEntry(KEY + "azp", List.of("app"))
                .containsEntry(KEY + "amr", List.of("pwd", "otp"))
                .containsEntry(KEY + "realm_access.roles", List.of("developer"))
                .containsEntry(KEY + "groups", List.of("/ops"));
    }

    @Test
    void ofWhenAClaimSubDiffersFromSubOnlyInCaseThenInvalidIdentityToken() {
        assertCollision(Map.of("Sub", "admin"), KEY + "Sub");
    }

    @Test
    void ofWhenAClaimAudDiffersFromAudOnlyInCaseThenInvalidIdentityToken() {
        assertCollision(Map.of("AUD", "other-client"), KEY + "AUD");
    }

    @Test
    void ofWhenAClaimNamesOaudThenInvalidIdentityToken() {
        assertCollision(Map.of("OAUD", "other-client"), KEY + "OAUD");
    }

    @Test
    void ofWhenAClaimAzpDiffersOnlyInCaseAndAzpIsAbsentThenInvalidIdentityToken() {
        assertCollision(Map.of("AZP", "app"), KEY + "AZP");
    }

    @Test
    void ofWhenAClaimAmrDiffersOnlyInCaseFromAmrThenInvalidIdentityToken() {
        assertCollision(ordered("amr", List.of("pwd"), "Amr", List.of("mfa")), KEY + "Amr");
    }

    @Test
    void ofWhenTwoOtherClaimsDifferOnlyInCaseThenInvalidIdentityToken() {
        assertCollision(ordered("groups", List.of("/ops"), "Groups", List.of("/admins")), KEY + "Groups");
    }

    @Test
    void ofWhenATopLevelClaimIsNamedLikeANestedPathThenInvalidIdentityToken() {
        var claims = ordered("realm_access", Map.of("roles", List.of("developer")), "realm_access.roles",
                List.of("admin"));
        var refused = assertCollision(claims, KEY + "realm_access.roles");
        assertThat(refused.detail()).contains("realm_access.roles").contains("[\"realm_access.roles\"]");
    }

    @Test
    void ofWhenADottedTopLevelClaimMeetsANestedPathInAnyCaseThenInvalidIdentityToken() {
        assertCollision(ordered("Realm_Access.Roles", List.of("admin"), "realm_access",
                Map.of("roles", List.of("developer"))), KEY + "realm_access.roles");
    }

    @Test
    void ofWhenOnlyADottedTopLevelClaimThenItIsTheOnlySourceOfItsKey() {
        FederatedPrincipal principal = WebIdentityPrincipals.of(token(Map.of("realm_access.roles", "admin")),
                PROVIDER);
        assertThat(principal.conditionKeys()).containsEntry(KEY + "realm_access.roles", List.of("admin"));
    }

    private static StsException assertCollision(Map<String, Object> extra, String key) {
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(StsException.class,
                () -> WebIdentityPrincipals.of(token(extra), PROVIDER));
        assertThat(thrown.code()).isEqualTo(ErrorCode.INVALID_IDENTITY_TOKEN);
        assertThat(thrown.reason()).isEqualTo(ReasonCode.TOKEN_CLAIM_NAME_COLLISION);
        assertThat(thrown.detail()).containsIgnoringCase(key);
        return thrown;
    }

    private static Map<String, Object> ordered(String a, Object va, String b, Object vb) {
        var map = new LinkedHashMap<String, Object>();
        map.put(a, va);
        map.put(b, vb);
        return map;
    }

    private static VerifiedToken token(Map<String, Object> extra) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", ISSUER);
        claims.put("sub", SUBJECT);
        claims.put("aud", "app");
        claims.putAll(extra);
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        return new VerifiedToken(PROVIDER.arn(), ISSUER, SUBJECT, List.of("app"), (String) extra.get("azp"), now,
                now.plusSeconds(300), claims);
    }

    @Test
    void ofWhenTheTagsClaimHasAKeyBeginningWithAwsThenInvalidIdentityToken() {
        assertClaimsInvalid(token(Map.of("https://aws.amazon.com/tags", Map.of("principal_tags",
                Map.of("aws:foo", List.of("x"))))), PROVIDER, "aws:foo");
    }

    @Test
    void ofWhenATagRuleYieldsAValueOutsideTheSetThenInvalidIdentityToken() {
        var provider = new OidcProvider("111111111111", ISSUER, List.of("app"), OidcProvider.DEFAULT_ALGORITHMS,
                Duration.ofSeconds(60), Optional.empty(), Optional.empty(), false, Map.of("team", "team"));
        assertClaimsInvalid(token(Map.of("team", "a;b")), provider, "team");
    }

    @Test
    void ofWhenATagRuleNamesAnAwsKeyThenInvalidIdentityToken() {
        var provider = new OidcProvider("111111111111", ISSUER, List.of("app"), OidcProvider.DEFAULT_ALGORITHMS,
                Duration.ofSeconds(60), Optional.empty(), Optional.empty(), false, Map.of("aws:team", "team"));
        assertClaimsInvalid(token(Map.of("team", "ops")), provider, "aws:team");
    }

    private static void assertClaimsInvalid(VerifiedToken token, OidcProvider provider, String mentioned) {
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(StsException.class,
                () -> WebIdentityPrincipals.of(token, provider));
        assertThat(thrown.code()).isEqualTo(ErrorCode.INVALID_IDENTITY_TOKEN);
        assertThat(thrown.reason()).isEqualTo(ReasonCode.TOKEN_CLAIMS_INVALID);
        assertThat(thrown.getMessage()).contains(mentioned);
    }
}
