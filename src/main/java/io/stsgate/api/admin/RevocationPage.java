package io.stsgate.api.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of {@code GET /admin/v1/revocations}, newest first; {@code nextToken} is absent on the last page. */
public record RevocationPage(List<RevocationView> revocations,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextToken) {
}
