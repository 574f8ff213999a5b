package org.galley.registry.server;

import org.galley.registry.server.ApiJson.ErrorReply;

/** The registry's answer to one request: an HTTP status and a JSON body. */
record ApiReply(int status, String json) {

    static ApiReply ok(Object body) {
        return new ApiReply(200, ApiJson.write(body));
    }

    static ApiReply error(int status, int errorCode, String message) {
        return new ApiReply(status, ApiJson.write(new ErrorReply(errorCode, message)));
    }
}
