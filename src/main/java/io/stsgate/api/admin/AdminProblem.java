package io.stsgate.api.admin;

/** A refused admin request: the boundary that throws; {@link AdminProblemMapper} writes it as JSON. */
public final class AdminProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AdminErrorCode code;
    private final String field;

    public AdminProblem(AdminErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static AdminProblem invalid(String field, String message) {
        return new AdminProblem(AdminErrorCode.VALIDATION_ERROR, field, message);
    }

    public static AdminProblem notFound(String what) {
        return new AdminProblem(AdminErrorCode.NOT_FOUND, null, what + " does not exist");
    }

    public AdminErrorCode code() {
        return code;
    }

    /** The offending field or parameter, or null. */
    public String field() {
        return field;
    }
}
