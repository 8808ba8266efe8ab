package io.stsgate.api.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.store.StoreConflict;
import io.stsgate.directory.store.StoreFailure;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;

/**
 * Writes admin API refusals in one JSON shape. Directory validation errors keep the loader's message, which names the
 * entry and the field; store conflicts become 404, 409 or 412.
 */
public class AdminProblemMapper {

    private static final Logger LOG = Logger.getLogger(AdminProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(AdminProblem problem) {
        return response(problem.code(), problem.getMessage(), problem.field());
    }

    @ServerExceptionMapper
    public Response invalidDirectory(DirectoryFileException invalid) {
        return response(invalid.malformedPolicy() ? AdminErrorCode.MALFORMED_POLICY_DOCUMENT
                : AdminErrorCode.VALIDATION_ERROR, invalid.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(StoreConflict conflict) {
        AdminErrorCode code = switch (conflict.kind()) {
            case EXISTS -> AdminErrorCode.ALREADY_EXISTS;
            case MISSING -> AdminErrorCode.NOT_FOUND;
            case VERSION_MISMATCH -> AdminErrorCode.PRECONDITION_FAILED;
        };
        return response(code, conflict.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response storeFailure(StoreFailure failure) {
        // The store's outage is logged once by its health; not once per request.
        LOG.debugf("Admin request failed in the store: %s", failure.getMessage());
        return response(AdminErrorCode.STORE_UNAVAILABLE, "The store is unavailable; nothing was changed.", null);
    }

    /** The store did not answer within stsgate.store.timeout, or is known to be down (see StoreCalls). */
    @ServerExceptionMapper
    public Response unavailable(StsException unavailable) {
        if (unavailable.code() != ErrorCode.SERVICE_UNAVAILABLE) {
            LOG.errorf("Admin request failed: %s %s", unavailable.code().wireCode(), unavailable.reason());
            return response(AdminErrorCode.INTERNAL_FAILURE, "The request could not be completed.", null);
        }
        return response(AdminErrorCode.STORE_UNAVAILABLE, "The store is unavailable; nothing was changed.", null);
    }

    static Response response(AdminErrorCode code, String message, String field) {
        return Response.status(code.status()).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").entity(AdminError.of(code, message, field)).build();
    }
}
