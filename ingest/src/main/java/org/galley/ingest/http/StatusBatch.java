package org.galley.ingest.http;

import java.util.List;

/**
 * What {@code POST /v1/statuses} answers: the status of each story asked about that ingest holds (as
 * {@code GET /v1/articles/{id}} gives it), the ids of stories no stage has seen (yet), and the ids whose status
 * cannot be read right now (ingest starting or rebalancing, or the instance holding it not answering), to ask
 * about again shortly. Every id asked about is in exactly one of the three.
 */
record StatusBatch(List<StatusView> statuses, List<String> unknown, List<String> unavailable) {
}
