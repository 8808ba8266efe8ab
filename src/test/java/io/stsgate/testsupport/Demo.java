package io.stsgate.testsupport;

/** The demo directory's published values, as the README documents them. */
public final class Demo {

    public static final String ALICE_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String ALICE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String ALICE_ARN = "arn:aws:iam::111111111111:user/alice";
    public static final String ALICE_MFA = "arn:aws:iam::111111111111:mfa/alice";
    public static final String AUDITOR_KEY_ID = "AKIAI44QH8DHBEXAMPLE";
    public static final String AUDITOR_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    public static final String PARTNER_ROLE = "arn:aws:iam::222222222222:role/partner-readonly";
    public static final String ADMIN_MFA_ROLE = "arn:aws:iam::222222222222:role/admin-mfa";
    public static final String DEVELOPER_ROLE = "arn:aws:iam::111111111111:role/developer";
    public static final String EXTERNAL_ID = "partner-ext-id-42";

    private Demo() {
    }
}
