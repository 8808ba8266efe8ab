package io.stsgate.directory;

import java.util.Optional;
import java.util.regex.Pattern;

/** Builds and reads the ARNs stsgate uses (partition {@code aws}, so SDK ARN parsing works unchanged). */
public final class Arns {

    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:(.*)/)?([\\w+=,.@-]{1,64})");

    private Arns() {
    }

    public static String user(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":user" + path + name;
    }

    public static String role(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    public static String policy(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":policy" + path + name;
    }

    public static String mfa(String account, String name) {
        return "arn:aws:iam::" + account + ":mfa/" + name;
    }

    public static String accountRoot(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    public static String assumedRole(String account, String roleName, String sessionName) {
        return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }

    public static String federatedUser(String account, String name) {
        return "arn:aws:sts::" + account + ":federated-user/" + name;
    }

    /** The account of a role ARN, if the text is one. */
    public static Optional<String> roleAccount(String arn) {
        var m = ROLE.matcher(arn);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
