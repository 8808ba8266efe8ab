package io.stsgate.engine;

/** Facts about the HTTP request that policies can test ({@code aws:SourceIp}, {@code aws:SecureTransport}, …). */
public record RequestInfo(String requestId, String sourceIp, String userAgent, boolean secureTransport,
        String region) {
}
