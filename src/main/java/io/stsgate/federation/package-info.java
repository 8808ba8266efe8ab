/**
 * Federated identities in the engine's terms: a verified web identity token or SAML assertion (from
 * {@code identity.oidc} / {@code identity.saml}) becomes the engine's {@code FederatedPrincipal}, session tags and
 * trust-policy keys, exactly as AWS reads them. One place for the entry points that need it: the Query API
 * ({@code api.query}), the browser sign-in ({@code api.saml}), the explain endpoint ({@code api.admin}) and the
 * container credentials endpoint ({@code api.container}), so that no {@code api.*} package depends on another. May use engine,
 * identity.oidc, identity.saml, directory, audit.
 */
package io.stsgate.federation;
