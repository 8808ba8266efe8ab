/**
 * Federated identities in the engine's terms: a web identity token or SAML assertion (verified by
 * {@code identity.oidc} / {@code identity.saml}) becomes the engine's {@code FederatedPrincipal}, session tags and
 * trust-policy keys, exactly as AWS reads them. One pipeline per proof kind ({@code WebIdentityFederation},
 * {@code SamlFederation}) returns a {@code Proof}, accepted or refused at one check, that issuance and explain take on
 * alike, so the entry points that need it, the Query API ({@code api.query}), the browser sign-in ({@code api.saml}),
 * the explain endpoint ({@code api.admin}) and the container credentials endpoint ({@code api.container}), only read
 * parameters, call the pipeline and write the answer, and no {@code api.*} package depends on another. May use
 * engine, identity.oidc, identity.saml, directory, audit.
 */
package io.stsgate.federation;
