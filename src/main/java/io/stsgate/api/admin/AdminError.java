package io.stsgate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every admin API error: {@code {"error": {"code", "message", "field"}}}. */
public record AdminError(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {
    }

    public static AdminError of(AdminErrorCode code, String message, String field) {
        return new AdminError(new Detail(code.code(), message, field));
    }
}
