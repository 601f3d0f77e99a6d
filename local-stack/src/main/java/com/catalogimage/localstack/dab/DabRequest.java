package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * One REST request after routing: the entity it names, the rest of the path (the primary key route), the decoded
 * query options and the body, plus what is needed to write absolute links back.
 *
 * @param baseUri   scheme, host and port as the client addressed us
 * @param restPath  {@code /api} or {@code /rest}
 * @param keyRoute  {@code Id/5} for {@code /api/Products/Id/5}; empty when the path names only the entity
 */
record DabRequest(String method, URI baseUri, String restPath, String entity, String keyRoute,
                  Map<String, String> query, String rawQuery, byte[] body, String ifMatch) {

    /** The body as a JSON object, validated as DAB validates mutation payloads; empty body = empty object. */
    ObjectNode jsonObject() {
        if (body.length == 0) {
            return JsonHttpServer.JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JsonHttpServer.JSON.readTree(body);
        } catch (IOException e) {
            throw DabErrors.badRequest("Request body contains invalid JSON.");
        }
        if (node == null || node.isMissingNode()) {
            return JsonHttpServer.JSON.createObjectNode();
        }
        if (node.isArray()) {
            throw DabErrors.badRequest("A Mutation operation on more than one entity in a single request is not yet"
                    + " supported.");
        }
        if (!node.isObject()) {
            throw DabErrors.badRequest("Request body contains invalid JSON.");
        }
        return (ObjectNode) node;
    }

    String entityUri() {
        return baseUri + restPath + "/" + entity;
    }
}
