package io.stsgate.api.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.stsgate.engine.IssuedSession;

/**
 * What the credentials page shows: the four values, the role, and the same values as shell exports and as a
 * {@code ~/.aws/credentials} profile.
 *
 * @param endpoint the public URL, so the AWS CLI's STS calls reach stsgate
 */
public record CredentialsView(String accessKeyId, String secretAccessKey, String sessionToken, String expiration,
        long minutesLeft, String roleArn, String roleName, String assumedRoleArn, String endpoint) {

    static CredentialsView of(IssuedSession issued, String endpoint, Clock clock) {
        var credentials = issued.credentials();
        String roleArn = issued.session().sourceArn();
        // The last path segment of arn:aws:iam::ACCOUNT:role/PATH/NAME.
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        long minutes = Math.max(0, Duration.between(clock.instant(), credentials.expiration()).toMinutes());
        return new CredentialsView(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(),
                DateTimeFormatter.ISO_INSTANT.format(credentials.expiration().truncatedTo(ChronoUnit.SECONDS)),
                minutes, roleArn, roleName, issued.session().arn(), endpoint);
    }

    /** Lines to paste into a POSIX shell. */
    public String exports() {
        return "export AWS_ACCESS_KEY_ID=" + accessKeyId + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + secretAccessKey + "\n"
                + "export AWS_SESSION_TOKEN=" + sessionToken + "\n"
                + "export AWS_ENDPOINT_URL_STS=" + endpoint + "\n";
    }

    /** A profile named after the role, for {@code ~/.aws/credentials}. */
    public String profile() {
        return "[" + profileName() + "]\n"
                + "aws_access_key_id = " + accessKeyId + "\n"
                + "aws_secret_access_key = " + secretAccessKey + "\n"
                + "aws_session_token = " + sessionToken + "\n";
    }

    public String profileName() {
        return "stsgate-" + roleName.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    @Override
    public String toString() {
        return "CredentialsView[accessKeyId=" + accessKeyId + ", roleArn=" + roleArn + ", expiration=" + expiration
                + "]";
    }
}
