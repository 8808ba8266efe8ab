package io.stsgate.api.admin;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.store.StoredEntry;

/**
 * The admin API's successful answers: one entry with its ETag, a page of entries, a creation, a deletion. Nothing is
 * cached on the way, since answers may describe credentials (and a creation may carry a new secret).
 */
final class EntryResponses {

    private EntryResponses() {
    }

    static Response ok(StoredEntry entry) {
        return entry(Response.ok(), entry, EntryRepresentation.of(entry));
    }

    /** 200 with the entry; {@code shownOnce} holds what this answer alone may show (a new MFA seed). */
    static Response ok(StoredEntry entry, ObjectNode shownOnce) {
        ObjectNode json = EntryRepresentation.of(entry);
        json.setAll(shownOnce);
        return entry(Response.ok(), entry, json);
    }

    /** 201 with the entry; {@code shownOnce} holds what this answer alone may show (a new secret). */
    static Response created(URI location, StoredEntry entry, ObjectNode shownOnce) {
        ObjectNode json = EntryRepresentation.of(entry);
        json.setAll(shownOnce);
        return entry(Response.created(location), entry, json);
    }

    static Response created(URI location, StoredEntry entry) {
        return created(location, entry, JsonNodeFactory.instance.objectNode());
    }

    static Response page(PageRequest.Page page) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        var items = json.putArray("items");
        page.items().forEach(entry -> items.add(EntryRepresentation.of(entry)));
        page.nextToken().ifPresent(token -> json.put("nextToken", token));
        return Response.ok(json, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    static Response deleted() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    private static Response entry(Response.ResponseBuilder builder, StoredEntry entry, ObjectNode json) {
        return builder.entity(json).type(MediaType.APPLICATION_JSON).header("ETag", EntityTags.of(entry.version()))
                .header("Cache-Control", "no-store").build();
    }
}
