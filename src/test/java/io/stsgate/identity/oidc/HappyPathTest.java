package io.stsgate.identity.oidc;

import static io.stsgate.identity.oidc.TestProviders.ARN;
import static io.stsgate.identity.oidc.TestProviders.CLIENT_ID;
import static io.stsgate.identity.oidc.TestProviders.EC;
import static io.stsgate.identity.oidc.TestProviders.ED;
import static io.stsgate.identity.oidc.TestProviders.ISSUER;
import static io.stsgate.identity.oidc.TestProviders.NOW;
import static io.stsgate.identity.oidc.TestProviders.RSA;
import static io.stsgate.identity.oidc.TestProviders.assertVerified;
import static io.stsgate.identity.oidc.TestProviders.signed;
import static io.stsgate.identity.oidc.TestProviders.staticProvider;
import static io.stsgate.identity.oidc.TestProviders.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.identity.oidc.TestKeys.TestKey;
import io.stsgate.testsupport.TestJwts;

/** Tokens that verify, for each supported key type, and what the verified token offers. */
class HappyPathTest {

    private static final TestKey PS = RSA.withKid("ps-1").withAlg("PS256");

    private final OidcIssuers issuers = TestProviders.issuers(staticProvider(RSA, PS, EC, ED));

    private VerifiedToken verified(String token) {
        return assertVerified(TestProviders.verify(issuers, token));
    }

    @Test
    void rs256() {
        VerifiedToken token = verified(signed(token(), RSA));
        assertThat(token.providerArn()).isEqualTo(ARN);
        assertThat(token.issuer()).isEqualTo(ISSUER);
        assertThat(token.subject()).isEqualTo(TestJwts.SUBJECT);
        assertThat(token.audiences()).containsExactly(CLIENT_ID);
        assertThat(token.authorizedParty()).isEqualTo(CLIENT_ID);
        assertThat(token.issuedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void ps256() {
        assertThat(verified(signed(token(), PS)).subject()).isEqualTo(TestJwts.SUBJECT);
    }

    @Test
    void es256() {
        assertThat(verified(signed(token(), EC)).subject()).isEqualTo(TestJwts.SUBJECT);
    }

    @Test
    void edDsa() {
        assertThat(verified(signed(token(), ED)).subject()).isEqualTo(TestJwts.SUBJECT);
    }

    @Test
    void audienceArrayContainingTheClientIdWithMatchingAzp() {
        VerifiedToken token = verified(signed(token().claim("aud", List.of("account", CLIENT_ID)), RSA));
        assertThat(token.audiences()).containsExactly("account", CLIENT_ID);
    }

    @Test
    void jkuAndX5uHeadersAreIgnored() {
        String token = token().header("jku", "https://attacker.example/keys").header("x5u", "https://attacker.example/c")
                .header("x5c", List.of("MIIBIjAN")).sign("RS256", "rsa-1", RSA.privateKey());
        verified(token);
    }

    @Test
    void claimsArePlainJavaValues() {
        VerifiedToken token = verified(signed(token().claim("ratio", 0.5).claim("huge", new java.math.BigInteger(
                "123456789012345678901234567890")), RSA));
        assertThat(token.claims().get("exp")).isInstanceOf(Long.class);
        assertThat(token.claims().get("email_verified")).isEqualTo(Boolean.TRUE);
        assertThat(token.claims().get("ratio")).isEqualTo(0.5);
        assertThat(token.claims().get("huge")).isInstanceOf(Double.class);
        assertThat(token.claims().get("groups")).isEqualTo(List.of("/engineering", "/engineering/platform"));
        assertThat(token.claims().get("realm_access")).isInstanceOf(Map.class);
        assertThat(token.claims().get("realm_access").getClass().getName()).startsWith("java.");
        assertThatThrownBy(() -> token.claims().put("sub", "admin")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void claimPaths() {
        VerifiedToken token = verified(signed(token(), RSA));
        assertThat(token.claimValues("groups")).containsExactly("/engineering", "/engineering/platform");
        assertThat(token.claimValues("realm_access.roles")).contains("developer");
        assertThat(token.claimValues("preferred_username")).containsExactly("alice");
        assertThat(token.claimValues("email_verified")).containsExactly("true");
        assertThat(token.claimValues("exp")).containsExactly(String.valueOf(NOW.getEpochSecond() + 300));
        assertThat(token.claimValues("[\"https://aws.amazon.com/tags\"].principal_tags.Project"))
                .containsExactly("Automation");
        assertThat(token.claim("[\"https://aws.amazon.com/tags\"].transitive_tag_keys")).contains(List.of("Project"));
        assertThat(token.claim("realm_access")).get().isInstanceOf(Map.class);
        assertThat(token.claimValues("realm_access")).isEmpty();
        assertThat(token.claimValues("missing")).isEmpty();
        assertThat(token.claimValues("groups.nested")).isEmpty();
        assertThat(token.claim("https://aws.amazon.com/tags")).isEmpty();
    }
}
