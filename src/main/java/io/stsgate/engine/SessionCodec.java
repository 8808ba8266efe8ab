package io.stsgate.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compact binary form of a {@link SessionContext}, the plaintext of a session token. Versioned so the format can
 * change while old tokens still verify.
 */
final class SessionCodec {

    /**
     * Version 2 appends the origin ARN, version 3 the source's unique id; tokens of versions 1 and 2, issued before
     * them, still verify.
     */
    private static final int VERSION = 3;
    private static final int VERSION_2 = 2;
    private static final int VERSION_1 = 1;
    private static final int MAX_ITEMS = 64;

    private SessionCodec() {
    }

    static byte[] encode(SessionContext s) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(s.kind().ordinal());
            writeString(out, s.keyId());
            writeString(out, s.accessKeyId());
            writeString(out, s.accountId());
            writeString(out, s.arn());
            writeString(out, s.sourceArn());
            writeString(out, s.principalId());
            writeString(out, s.sessionName());
            out.writeLong(s.issuedAt().getEpochSecond());
            out.writeLong(s.expiresAt().getEpochSecond());
            out.writeLong(s.mfaAuthenticatedAt() == null ? -1 : s.mfaAuthenticatedAt().getEpochSecond());
            writeString(out, s.sourceIdentity());
            out.writeByte(s.tags().size());
            for (var tag : s.tags()) {
                writeString(out, tag.key());
                writeString(out, tag.value());
            }
            out.writeByte(s.transitiveTagKeys().size());
            for (var key : s.transitiveTagKeys()) {
                writeString(out, key);
            }
            writeString(out, s.sessionPolicy());
            out.writeByte(s.policyArns().size());
            for (var arn : s.policyArns()) {
                writeString(out, arn);
            }
            out.writeBoolean(s.chained());
            writeString(out, s.federatedProvider());
            writeString(out, s.federatedSubject());
            writeString(out, s.originArn());
            writeString(out, s.sourceId());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a sealed plaintext; empty for anything that is not a well-formed context of a known version. */
    static Optional<SessionContext> decode(byte[] plaintext) {
        try (var in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
                return Optional.empty();
            }
            int kind = in.readUnsignedByte();
            if (kind >= SessionKind.values().length) {
                return Optional.empty();
            }
            String keyId = readString(in);
            String accessKeyId = readString(in);
            String accountId = readString(in);
            String arn = readString(in);
            String sourceArn = readString(in);
            String principalId = readString(in);
            String sessionName = readString(in);
            Instant issuedAt = Instant.ofEpochSecond(in.readLong());
            Instant expiresAt = Instant.ofEpochSecond(in.readLong());
            long mfa = in.readLong();
            String sourceIdentity = readString(in);
            int tagCount = count(in);
            List<SessionTag> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                tags.add(new SessionTag(readString(in), readString(in)));
            }
            int keyCount = count(in);
            Set<String> transitive = new LinkedHashSet<>();
            for (int i = 0; i < keyCount; i++) {
                transitive.add(readString(in));
            }
            String policy = readString(in);
            int arnCount = count(in);
            List<String> policyArns = new ArrayList<>(arnCount);
            for (int i = 0; i < arnCount; i++) {
                policyArns.add(readString(in));
            }
            boolean chained = in.readBoolean();
            String federatedProvider = readString(in);
            String federatedSubject = readString(in);
            String originArn = version >= VERSION_2 ? readString(in) : null;
            String sourceId = version >= VERSION ? readString(in) : null;
            if (in.available() != 0) {
                return Optional.empty();
            }
            return Optional.of(new SessionContext(SessionKind.values()[kind], keyId, accessKeyId, accountId, arn,
                    sourceArn, principalId, sessionName, issuedAt, expiresAt,
                    mfa < 0 ? null : Instant.ofEpochSecond(mfa), sourceIdentity, tags, transitive, policy,
                    policyArns, chained, federatedProvider, federatedSubject, originArn, sourceId));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readUnsignedByte();
        if (n > MAX_ITEMS) {
            throw new IOException("too many items");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
