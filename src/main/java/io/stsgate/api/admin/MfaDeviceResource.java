package io.stsgate.api.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.LongTermSecrets;
import io.stsgate.directory.DirectoryFile.MfaDeviceEntry;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.StoredEntry;

/**
 * Virtual MFA devices of a user, addressed by device name (serial number {@code arn:aws:iam::ACCOUNT:mfa/NAME}).
 * stsgate generates the TOTP seed and shows it once, with an {@code otpauth://} URI for authenticator apps. The seed
 * is a device's only content, so its PUT re-seeds it (a lost or re-enrolled phone): a fresh seed, shown once, under
 * the same serial number, so roles and policies naming the device keep working while codes of the old seed stop. Its
 * {@code lock} sub-resource shows and clears the brute-force lock.
 */
@Path("/admin/v1/accounts/{accountId}/users/{userName}/mfa-devices")
@Tag(name = "MFA devices")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class MfaDeviceResource {

    private static final Set<String> READ_ONLY = Set.of("user");
    /** The label authenticator apps show above the code. */
    private static final String ISSUER = "stsgate";

    private final LongTermSecrets secrets = new LongTermSecrets();

    @Inject
    AdminDirectory directory;

    @Inject
    FileEntries entries;

    @Inject
    MfaFailures failures;

    @Inject
    StsgateConfig config;

    @Inject
    Clock clock;

    @Inject
    AdminChangeLog changeLog;

    @GET
    @Operation(summary = "List the MFA devices of a user", description = "Serial numbers only, never seeds. Ordered "
            + "by serial number, maxItems (1-1000, default 100) per page; pass nextToken to get the next.")
    @APIResponse(responseCode = "200", description = "A page of devices: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account or user")
    public Response list(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @QueryParam("maxItems") String maxItems, @QueryParam("nextToken") String nextToken) {
        return UserEntries.MFA_DEVICES.list(directory, accountId, userName, maxItems, nextToken);
    }

    @GET
    @Path("{deviceName}")
    @Operation(summary = "Read an MFA device", description = "Its serial number (arn), never the seed.")
    @APIResponse(responseCode = "200", description = "The device")
    @APIResponse(responseCode = "404", description = "No such account, user or device of that user")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("deviceName") String deviceName) {
        return EntryResponses.ok(UserEntries.MFA_DEVICES.find(directory.read(), accountId, userName, deviceName));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a virtual MFA device", description = "Body: {\"name\": ...}. Generates a 160-bit "
            + "TOTP seed; the answer is the only place it is ever shown (base32StringSeed and otpauthUri).")
    @APIResponse(responseCode = "201", description = "Created; the body carries base32StringSeed and otpauthUri, "
            + "this once")
    @APIResponse(responseCode = "400", description = "The body sets the seed, or is invalid")
    @APIResponse(responseCode = "404", description = "No such account or user")
    @APIResponse(responseCode = "409", description = "A device of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MfaDeviceEntry.class))) String body,
            @Context UriInfo uri) {
        MfaDeviceEntry requested = refuseSeed(EntryBody.read(body, MfaDeviceEntry.class, READ_ONLY));
        String name = EntryRules.required(requested.name(), "name");
        String seed = secrets.totpSeed();
        NewEntry entry = entries.mfaDevice(accountId, userName, new MfaDeviceEntry(name, seed));
        StoredEntry created = UserEntries.MFA_DEVICES.insert(directory, accountId, userName, entry);
        return EntryResponses.created(EntryEndpoint.location(uri, name), created, shownOnce(accountId, name, seed));
    }

    @PUT
    @Path("{deviceName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Re-seed an MFA device", description = "For a lost or re-enrolled phone: generates a new "
            + "TOTP seed under the same serial number; codes from the old seed are refused from now on. Optional "
            + "body: {\"name\": ...} as in the URL. If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Re-seeded; the new ETag, and base32StringSeed and otpauthUri, "
            + "this once")
    @APIResponse(responseCode = "400", description = "The body sets the seed or another name, or If-Match is invalid")
    @APIResponse(responseCode = "404", description = "No such account, user or device of that user")
    @APIResponse(responseCode = "412", description = "The device changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response reseed(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("deviceName") String deviceName, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = false, content = @Content(schema = @Schema(implementation = MfaDeviceEntry.class))) String body) {
        long version = EntityTags.expectedVersion(ifMatch);
        MfaDeviceEntry requested = refuseSeed(EntryBody.read(body, MfaDeviceEntry.class, READ_ONLY));
        if (requested.name() != null) {
            EntryRules.sameAsUrl("name", requested.name(), deviceName);
        }
        String seed = secrets.totpSeed();
        NewEntry entry = entries.mfaDevice(accountId, userName, new MfaDeviceEntry(deviceName, seed));
        StoredEntry reseeded = directory.change(edit -> {
            StoredEntry current = UserEntries.MFA_DEVICES.find(edit.view(), accountId, userName, deviceName);
            return edit.transaction().update(current.id(), version, entry.body());
        });
        return EntryResponses.ok(reseeded, shownOnce(accountId, deviceName, seed));
    }

    @DELETE
    @Path("{deviceName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete an MFA device", description = "Codes from it are refused from now on. If-Match "
            + "must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account, user or device of that user")
    @APIResponse(responseCode = "412", description = "The device changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("deviceName") String deviceName, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        long version = EntityTags.expectedVersion(ifMatch);
        UserEntries.MFA_DEVICES.delete(directory, accountId, userName, deviceName, version);
        return EntryResponses.deleted();
    }

    @GET
    @Path("{deviceName}/lock")
    @Operation(summary = "Read an MFA device's lock", description = "Whether refused codes locked the device (then "
            + "every code is refused until lockedUntil, even a correct one), and how many refused codes count "
            + "towards the next lock (stsgate.mfa.max-failures within stsgate.mfa.failure-window).")
    @APIResponse(responseCode = "200", description = "The lock: serialNumber, locked, lockedUntil, failures, "
            + "lastFailureAt", content = @Content(schema = @Schema(implementation = MfaDeviceLockView.class)))
    @APIResponse(responseCode = "404", description = "No such account, user or device of that user")
    public MfaDeviceLockView lock(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("deviceName") String deviceName) {
        StoredEntry device = UserEntries.MFA_DEVICES.find(directory.read(), accountId, userName, deviceName);
        return MfaDeviceLockView.of(failures.state(device.key()), lockout(), clock.instant());
    }

    @DELETE
    @Path("{deviceName}/lock")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Clear an MFA device's lock", description = "Ends the lock at once and forgets the refused "
            + "codes counted so far, on every replica: for a user who locked their own device. Logged as an admin "
            + "change. Answers 204 whether or not the device was locked.")
    @APIResponse(responseCode = "204", description = "The device accepts codes again")
    @APIResponse(responseCode = "404", description = "No such account, user or device of that user")
    public Response clearLock(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("deviceName") String deviceName) {
        StoredEntry device = UserEntries.MFA_DEVICES.find(directory.read(), accountId, userName, deviceName);
        if (failures.clear(device.key())) {
            changeLog.committed(List.of(AdminChange.lockCleared(device)));
        }
        return EntryResponses.deleted();
    }

    private MfaLockout lockout() {
        return new MfaLockout(config.mfa().maxFailures(), config.mfa().failureWindow(),
                config.mfa().lockDuration());
    }

    private static MfaDeviceEntry refuseSeed(MfaDeviceEntry requested) {
        if (requested.seed() != null) {
            throw AdminProblem.invalid("seed", "seed: seeds are generated by stsgate and shown once, when the device "
                    + "is created or re-seeded");
        }
        return requested;
    }

    /** What the answer that generated {@code seed} shows, and no other answer ever does. */
    private static ObjectNode shownOnce(String accountId, String deviceName, String seed) {
        return JsonNodeFactory.instance.objectNode().put("base32StringSeed", seed)
                .put("otpauthUri", otpauthUri(accountId, deviceName, seed));
    }

    /** The Key Uri Format of authenticator apps: SHA-1, six digits, 30 seconds, as stsgate checks codes. */
    static String otpauthUri(String accountId, String deviceName, String seed) {
        String label = encode(ISSUER + ":" + deviceName + "@" + accountId);
        return "otpauth://totp/" + label + "?secret=" + seed + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
