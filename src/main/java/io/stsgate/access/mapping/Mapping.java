package io.stsgate.access.mapping;

import java.util.List;

import io.stsgate.engine.AccessQuestion;

/** What a request asks: the operation and its action/resource pairs, or why it cannot be mapped (then it is denied). */
public sealed interface Mapping {

    /**
     * @param operation e.g. {@code CopyObject}, for logs and audit
     * @param questions every pair must be allowed (CopyObject: put the target and get the source)
     */
    record Mapped(String operation, List<AccessQuestion> questions) implements Mapping {
        public Mapped {
            questions = List.copyOf(questions);
        }
    }

    /** @param reason one line for the client and the audit trail, e.g. {@code unknown S3 sub-resource ?torrent} */
    record Unmapped(String reason) implements Mapping {
    }
}
