package io.stsgate.runtime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records stsgate reads and writes with its own Jackson mappers (not through a REST endpoint, whose types Quarkus
 * registers by itself), registered with everything they contain for a native image, where Jackson sees no record
 * component nobody registered: the directory file (and with it every admin entry body, the nginx face's APIs and buckets), the
 * browser sign-in's sealed continuation, the audit event log line and the admin error body. Kept complete by
 * {@code JsonBoundTypesTest}: a class literal next to a Jackson mapper must be one of these or inside one.
 */
@RegisterForReflection(registerFullHierarchy = true, classNames = {
        "io.stsgate.api.admin.AdminError",
        "io.stsgate.api.saml.PendingSignIn",
        "io.stsgate.audit.AuditEvent",
        "io.stsgate.directory.DirectoryFile",
})
final class JsonBoundTypes {

    private JsonBoundTypes() {
    }
}
