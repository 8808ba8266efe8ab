package io.stsgate.engine;

import io.stsgate.directory.AccessKey;
import io.stsgate.directory.User;

/** Who signed a request: an IAM user with a long-term key, or the holder of a temporary credential. */
public sealed interface Caller {

    String arn();

    String accountId();

    /** The access key id the request was signed with: long-term ({@code AKIA}) or temporary ({@code ASIA}). */
    String accessKeyId();

    /** A request signed with a long-term access key. */
    record UserCaller(User user, AccessKey key) implements Caller {
        @Override
        public String arn() {
            return user.arn();
        }

        @Override
        public String accountId() {
            return user.accountId();
        }

        @Override
        public String accessKeyId() {
            return key.id();
        }
    }

    /** A request signed with temporary credentials issued by stsgate. */
    record SessionCaller(SessionContext session) implements Caller {
        @Override
        public String arn() {
            return session.arn();
        }

        @Override
        public String accountId() {
            return session.accountId();
        }

        @Override
        public String accessKeyId() {
            return session.accessKeyId();
        }
    }
}
