package io.stsgate.api.admin;

/** The realm roles of the admin API. */
final class AdminRoles {

    /** Changes the directory and revocations; reads everything. */
    static final String ADMIN = "stsgate-admin";
    /** Reads revocations and the audit trail, and asks for explanations; changes nothing. */
    static final String AUDITOR = "stsgate-auditor";

    private AdminRoles() {
    }
}
