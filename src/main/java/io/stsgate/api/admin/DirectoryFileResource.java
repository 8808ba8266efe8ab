package io.stsgate.api.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.store.DirectoryEntries;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.DirectoryPlan;
import io.stsgate.directory.store.DirectoryStore;
import io.stsgate.directory.store.StoredEntry;

/**
 * The whole directory as one declarative file (the format of {@code stsgate.directory.file}): export it, or apply a
 * file so the store matches it (create, update, delete), optionally as a dry run that only reports the plan. Exports
 * leave secrets out, and applying a file without a key's secret keeps the stored one, so an export applied back
 * changes nothing.
 */
@Path("/admin/v1/directory")
@Tag(name = "Directory file")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
public class DirectoryFileResource {

    static final String YAML = "application/yaml";

    @Inject
    DirectoryStore store;

    @Inject
    AdminDirectory directory;

    @Inject
    DirectoryEntries entries;

    @GET
    @Produces(YAML)
    @Operation(summary = "Export the directory as a YAML directory file", description = "Every entry of the store, "
            + "without secret access keys and MFA seeds.")
    @APIResponse(responseCode = "200", description = "The directory file")
    public Response export() {
        List<StoredEntry> withoutSecrets = store.read().entries().stream().map(DirectoryFileResource::withoutSecrets)
                .toList();
        String yaml = DirectoryFileLoader.write(entries.assemble(withoutSecrets));
        return Response.ok(yaml, YAML).header("Cache-Control", "no-store").build();
    }

    @PUT
    @Consumes({ YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Apply a directory file", description = "Creates, updates and deletes entries so the store "
            + "matches the file, in one transaction, after validating the result. Access keys and MFA devices "
            + "without a secret keep the stored one. With dryRun=true nothing changes: the answer is the plan.")
    @APIResponse(responseCode = "200", description = "The plan (applied unless dryRun): changes and the text of "
            + "describe()")
    @APIResponse(responseCode = "400", description = "The file is invalid, or the directory it would give is; the "
            + "message names the entry and field")
    public Response apply(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DirectoryFile.class))) String body,
            @Parameter(description = "Only report the plan") @QueryParam("dryRun") boolean dryRun) {
        DirectoryFile file = DirectoryFileLoader.parse("request body",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        if (file.accounts() == null || file.accounts().isEmpty()) {
            // Applying an empty file would delete everything: refused, like an empty file at start-up.
            throw AdminProblem.invalid("accounts", "accounts: at least one account is required");
        }
        List<NewEntry> desired = entries.split(file);
        DirectoryPlan plan = dryRun ? preview(desired) : directory.change(edit -> {
            DirectoryPlan steps = DirectoryPlan.between(edit.transaction().entries(), desired, entries.secrets());
            steps.applyTo(edit.transaction());
            return steps;
        });
        return Response.ok(answer(plan, dryRun), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .build();
    }

    /** The plan against the store as it is, with the directory it would give validated; nothing is written. */
    private DirectoryPlan preview(List<NewEntry> desired) {
        List<StoredEntry> current = store.read().entries();
        DirectoryPlan plan = DirectoryPlan.between(current, desired, entries.secrets());
        DirectoryFileLoader.validate("directory", entries.assemble(PlannedEntries.after(current, plan)));
        return plan;
    }

    private static ObjectNode answer(DirectoryPlan plan, boolean dryRun) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("dryRun", dryRun);
        var changes = json.putArray("changes");
        for (DirectoryPlan.Step step : plan.steps()) {
            changes.addObject().put("action", step.action().name().toLowerCase(java.util.Locale.ROOT))
                    .put("kind", step.id().kind().wireName()).put("key", step.id().key());
        }
        json.put("plan", plan.describe());
        return json;
    }

    private static StoredEntry withoutSecrets(StoredEntry entry) {
        ObjectNode body = entry.body();
        body.remove(EntryRepresentation.SEALED);
        return new StoredEntry(entry.kind(), entry.key(), entry.accountId(), body, entry.version(),
                entry.createdAt(), entry.updatedAt());
    }
}
