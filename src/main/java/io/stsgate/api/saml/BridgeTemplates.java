package io.stsgate.api.saml;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The browser sign-in's pages, in {@code src/main/resources/templates/saml-bridge/}; type-checked at build time. */
@CheckedTemplate(basePath = "saml-bridge")
final class BridgeTemplates {

    private BridgeTemplates() {
    }

    static native TemplateInstance picker(String nonce, String signedInAs, String subject,
            List<AccountRoles> accounts, String continuation, String csrf, long minutes);

    static native TemplateInstance credentials(String nonce, CredentialsView view);

    static native TemplateInstance signIn(String nonce, List<SignInStart.SignInChoice> choices);

    /** {@code signInUrl}: where to start again, or null when starting again would not help. */
    static native TemplateInstance error(String nonce, int status, String title, String message, String requestId,
            String signInUrl);
}
