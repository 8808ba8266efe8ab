/**
 * Access to stsgate-issued credentials from outside STS: the caller of a SigV4-signed request ({@link
 * io.stsgate.access.SignedCallers}), shared by the Query API and the decision API, so neither API package imports the
 * other. Uses engine and identity.sigv4; no HTTP, no Quarkus.
 */
package io.stsgate.access;
