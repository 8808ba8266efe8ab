package io.stsgate.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.stsgate.crypto.ConstantTime;
import io.stsgate.crypto.Hex;
import io.stsgate.crypto.HmacSha256;
import io.stsgate.crypto.Sha256;

/**
 * Verifies AWS Signature Version 4 on an incoming request, in the Authorization-header form and the presigned
 * query-string form.
 * <p>
 * Checks run in this order, each returning its own failure: shape ({@code IncompleteSignature}), credential scope
 * and time ({@code SignatureDoesNotMatch}, {@code RequestExpired}), credentials (whatever the
 * {@link CredentialResolver} says, typically {@code InvalidClientTokenId} or {@code ExpiredToken}), then the
 * signature itself, compared in constant time. Never throws for bad input. Thread-safe.
 */
public final class SigV4Verifier {

    /** The default allowed clock skew, as AWS: fifteen minutes. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(15);

    private static final int SIGNING_KEY_CACHE_SIZE = 4096;
    private static final int MAX_ACCESS_KEY_ID_LENGTH = 128;
    private static final int MAX_REGION_LENGTH = 64;

    private final Clock clock;
    private final Duration allowedSkew;
    private final String service;
    private final SigningKeyCache signingKeys;
    /** S3 signs its path encoded once and not normalised; every other service normalises and encodes twice. */
    private final boolean s3Path;

    /** A verifier for requests signed for the {@code sts} service. */
    public SigV4Verifier(Clock clock, Duration allowedSkew) {
        this(clock, allowedSkew, CredentialScope.SERVICE);
    }

    /** A verifier for requests signed for {@code service} (the decision API verifies other services' requests). */
    public SigV4Verifier(Clock clock, Duration allowedSkew, String service) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        this.service = Objects.requireNonNull(service, "service");
        if (allowedSkew.isNegative()) {
            throw new IllegalArgumentException("allowedSkew must not be negative");
        }
        if (service.isEmpty()) {
            throw new IllegalArgumentException("service must not be empty");
        }
        this.signingKeys = new SigningKeyCache(service, SIGNING_KEY_CACHE_SIZE);
        this.s3Path = service.equals("s3");
    }

    /** Verifies {@code request}, asking {@code resolver} for the secret of the access key id it names. */
    public <P> SigV4Result<P> verify(SignedRequest request, CredentialResolver<P> resolver) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(resolver, "resolver");

        RequestHeaders headers = RequestHeaders.of(request.headers());
        Outcome<QueryString> query = QueryString.parse(request.rawQuery());
        if (query.failed()) {
            return query.rejection();
        }
        Outcome<SignatureParameters> parsed = parseSignature(headers, query.value());
        if (parsed.failed()) {
            return parsed.rejection();
        }
        SignatureParameters signature = parsed.value();

        Optional<SigV4Result.Rejected<?>> scope = checkScope(signature);
        if (scope.isPresent()) {
            return retyped(scope.get());
        }
        Optional<SigV4Result.Rejected<?>> time = checkTime(signature);
        if (time.isPresent()) {
            return retyped(time.get());
        }

        String accessKeyId = signature.credential().accessKeyId();
        if (!isPlausibleAccessKeyId(accessKeyId)) {
            return SigV4Result.Rejected.of(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        }
        Resolution<P> resolution = resolver.resolve(accessKeyId, signature.securityToken());
        if (resolution instanceof Resolution.Unresolved<P> unresolved) {
            return SigV4Result.Rejected.of(unresolved.failure());
        }
        if (!(resolution instanceof Resolution.Resolved<P> resolved)) {
            return SigV4Result.Rejected.of(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        }

        Optional<String> canonicalRequest = CanonicalRequest.build(request, headers, query.value(), signature,
                s3Path);
        Optional<byte[]> presented = Hex.decode(signature.signature());
        if (canonicalRequest.isEmpty() || presented.isEmpty() || presented.get().length != 32) {
            return SigV4Result.Rejected.of(SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
        }
        String stringToSign = SignatureParameters.ALGORITHM + '\n' + signature.amzDate() + '\n'
                + signature.credential().scope() + '\n'
                + Sha256.hex(canonicalRequest.get().getBytes(StandardCharsets.UTF_8));
        byte[] expected = HmacSha256.mac(signingKeys.signingKey(resolved.secretAccessKey(),
                signature.credential().date(), signature.credential().region()),
                stringToSign.getBytes(StandardCharsets.UTF_8));
        if (!ConstantTime.equals(expected, presented.get())) {
            return SigV4Result.Rejected.of(SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
        }
        return new SigV4Result.Verified<>(accessKeyId, resolved.principal(), signature.credential().region(),
                signature.signedAt());
    }

    private static Outcome<SignatureParameters> parseSignature(RequestHeaders headers, QueryString query) {
        List<String> authorization = headers.values("authorization");
        boolean presigned = PresignedQuery.isPresigned(query);
        if (authorization.isEmpty() && !presigned) {
            return Outcome.rejected(SigV4Failure.MISSING_AUTHENTICATION_TOKEN,
                    SigV4Failure.MISSING_AUTHENTICATION_TOKEN.defaultMessage());
        }
        if (!authorization.isEmpty() && presigned) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization"
                            + " header should be specified.");
        }
        if (authorization.size() > 1) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                    "The request contains more than one Authorization header.");
        }
        if (presigned) {
            return PresignedQuery.parse(query);
        }
        String value = authorization.get(0);
        if (value == null || value.isBlank()) {
            return Outcome.rejected(SigV4Failure.MISSING_AUTHENTICATION_TOKEN,
                    SigV4Failure.MISSING_AUTHENTICATION_TOKEN.defaultMessage());
        }
        return AuthorizationHeader.parse(value, headers);
    }

    private Optional<SigV4Result.Rejected<?>> checkScope(SignatureParameters signature) {
        CredentialScope scope = signature.credential();
        if (!scope.service().equals(service)) {
            return mismatch("Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            return mismatch("Credential should be scoped with a valid terminator: '" + CredentialScope.TERMINATOR
                    + "', not '" + Messages.quote(scope.terminator()) + "'. ");
        }
        if (!isValidRegion(scope.region())) {
            return mismatch("Credential should be scoped to a valid region. ");
        }
        String requestDate = signature.amzDate().substring(0, 8);
        if (!scope.date().equals(requestDate)) {
            return mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + Messages.quote(scope.date()) + "' != '" + requestDate + "', from '" + signature.amzDate() + "'.");
        }
        return Optional.empty();
    }

    private Optional<SigV4Result.Rejected<?>> checkTime(SignatureParameters signature) {
        Instant now = clock.instant();
        Instant signedAt = signature.signedAt();
        Instant latest = now.plus(allowedSkew);
        if (signedAt.isAfter(latest)) {
            return mismatch("Signature not yet current: " + AmzDate.format(signedAt) + " is still later than "
                    + AmzDate.format(latest) + " (" + AmzDate.format(now) + " + " + Messages.skew(allowedSkew) + ")");
        }
        if (signature.presigned()) {
            if (now.isAfter(signedAt.plusSeconds(signature.expiresSeconds()))) {
                return Optional.of(SigV4Result.Rejected.of(SigV4Failure.REQUEST_EXPIRED));
            }
            return Optional.empty();
        }
        Instant earliest = now.minus(allowedSkew);
        if (signedAt.isBefore(earliest)) {
            return mismatch("Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
                    + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - " + Messages.skew(allowedSkew) + ")");
        }
        return Optional.empty();
    }

    private static Optional<SigV4Result.Rejected<?>> mismatch(String message) {
        return Optional.of(new SigV4Result.Rejected<>(SigV4Failure.SIGNATURE_DOES_NOT_MATCH, message));
    }

    private static <P> SigV4Result<P> retyped(SigV4Result.Rejected<?> rejected) {
        return new SigV4Result.Rejected<>(rejected.failure(), rejected.message());
    }

    private static boolean isPlausibleAccessKeyId(String accessKeyId) {
        if (accessKeyId.isEmpty() || accessKeyId.length() > MAX_ACCESS_KEY_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < accessKeyId.length(); i++) {
            char c = accessKeyId.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidRegion(String region) {
        if (region.isEmpty() || region.length() > MAX_REGION_LENGTH) {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The service name requests must be scoped to. */
    public String service() {
        return service;
    }

    @Override
    public String toString() {
        return "SigV4Verifier[service=" + service + ", allowedSkew=" + allowedSkew + "]";
    }
}
