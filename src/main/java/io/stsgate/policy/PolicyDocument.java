package io.stsgate.policy;

import java.util.List;

/**
 * A parsed, validated policy document.
 *
 * @param version "2012-10-17", "2008-10-17", or null when the document has no Version (2008-10-17
 *        rules: policy variables are literal text)
 * @param id the Id element, or null
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Whether {@code ${...}} is a policy variable (Version 2012-10-17) rather than literal text. */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }
}
