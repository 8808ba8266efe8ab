package io.stsgate.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.policy.RequestContext;

/**
 * Fills the request context of a signed call with the global condition keys AWS documents for the caller and the
 * request ({@code aws:PrincipalArn}, {@code aws:MultiFactorAuthPresent}, {@code aws:SourceIp}, …).
 */
final class ConditionKeys {

    private final Directory directory;
    private final Clock clock;

    ConditionKeys(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    RequestContext.Builder forCaller(Caller caller, RequestInfo info) {
        return forCaller(caller, info, null);
    }

    /**
     * @param freshMfa when MFA was presented with this very request, or null; overrides the session's own MFA state
     */
    RequestContext.Builder forCaller(Caller caller, RequestInfo info, Instant freshMfa) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var ctx = forRequest(info, now)
                .put("aws:PrincipalArn", principalArn(caller))
                .put("aws:PrincipalAccount", caller.accountId());
        if (caller instanceof Caller.UserCaller u) {
            ctx.put("aws:PrincipalType", "User").put("aws:username", u.user().name())
                    .put("aws:userid", u.user().userId());
            principalTags(ctx, u.user().tags());
            // Long-term keys without MFA carry no aws:MultiFactorAuthPresent at all, as in AWS.
            if (freshMfa != null) {
                ctx.put("aws:MultiFactorAuthPresent", "true");
            }
            mfaAge(ctx, freshMfa, now);
        } else if (caller instanceof Caller.SessionCaller s) {
            session(ctx, s.session(), now);
            var mfaAt = freshMfa != null ? freshMfa : s.session().mfaAuthenticatedAt();
            ctx.put("aws:MultiFactorAuthPresent", Boolean.toString(mfaAt != null));
            mfaAge(ctx, mfaAt, now);
        }
        return ctx;
    }

    /** The keys of a federated request: the request's own and the provider's. */
    RequestContext.Builder forFederated(FederatedPrincipal principal, RequestInfo info) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var ctx = forRequest(info, now).put("aws:FederatedProvider", principal.providerArn());
        principal.conditionKeys().forEach(ctx::putAll);
        return ctx;
    }

    private static RequestContext.Builder forRequest(RequestInfo info, Instant now) {
        var ctx = RequestContext.builder()
                .put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(now))
                .put("aws:EpochTime", Long.toString(now.getEpochSecond()))
                .put("aws:SecureTransport", Boolean.toString(info.secureTransport()))
                // stsgate answers principals directly; no AWS service ever calls on a principal's behalf here.
                .put("aws:ViaAWSService", "false");
        if (info.sourceIp() != null) {
            ctx.put("aws:SourceIp", info.sourceIp());
        }
        if (info.userAgent() != null) {
            ctx.put("aws:UserAgent", info.userAgent());
        }
        if (info.region() != null) {
            ctx.put("aws:RequestedRegion", info.region());
        }
        return ctx;
    }

    private void session(RequestContext.Builder ctx, SessionContext s, Instant now) {
        ctx.put("aws:TokenIssueTime", DateTimeFormatter.ISO_INSTANT.format(s.issuedAt()));
        ctx.put("aws:userid", s.principalId());
        if (s.sourceIdentity() != null) {
            ctx.put("aws:SourceIdentity", s.sourceIdentity());
        }
        Map<String, String> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        switch (s.kind()) {
            case ASSUMED_ROLE -> {
                ctx.put("aws:PrincipalType", "AssumedRole");
                tags.putAll(directory.role(s.sourceArn()).map(Role::tags).orElse(Map.of()));
            }
            case FEDERATED_USER -> ctx.put("aws:PrincipalType", "FederatedUser");
            case USER_SESSION -> {
                ctx.put("aws:PrincipalType", "User");
                directory.user(s.sourceArn()).ifPresent(u -> {
                    ctx.put("aws:username", u.name());
                    tags.putAll(u.tags());
                });
            }
        }
        // Session tags override role or user tags of the same key, whatever its case.
        for (var tag : s.tags()) {
            tags.put(tag.key(), tag.value());
        }
        principalTags(ctx, tags);
    }

    private static void mfaAge(RequestContext.Builder ctx, Instant mfaAt, Instant now) {
        if (mfaAt == null) {
            return;
        }
        ctx.put("aws:MultiFactorAuthAge", Long.toString(Math.max(0, Duration.between(mfaAt, now).getSeconds())));
    }

    /** AWS reports the role ARN, not the session ARN, as aws:PrincipalArn for role sessions. */
    private static String principalArn(Caller caller) {
        if (caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.ASSUMED_ROLE) {
            return s.session().sourceArn();
        }
        return caller.arn();
    }

    private static void principalTags(RequestContext.Builder ctx, Map<String, String> tags) {
        tags.forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, v));
    }
}
