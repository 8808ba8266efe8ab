package io.stsgate.identity.sigv4;

/**
 * The {@code Credential} value: {@code <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request}.
 */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {

    static final String SERVICE = "sts";
    static final String TERMINATOR = "aws4_request";

    /** Splits a credential into its five elements; only the element count is checked here. */
    static Outcome<CredentialScope> parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                            + " got '" + Messages.quote(credential) + "'");
        }
        return Outcome.ok(new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]));
    }

    /** The scope line of the string to sign: {@code <date>/<region>/<service>/<terminator>}. */
    String scope() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}
