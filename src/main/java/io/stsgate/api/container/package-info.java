/**
 * The container credentials endpoint: the contract every AWS SDK reads through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}
 * and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]}, as EKS Pod Identity serves it. The token in the
 * {@code Authorization} header goes through the federation pipeline of AssumeRoleWithWebIdentity; this package holds
 * HTTP, throttling, the JSON answers and their code table only. May use federation, engine, audit, config.
 */
package io.stsgate.api.container;
