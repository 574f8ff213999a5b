package org.galley.site.invalidation;

import java.util.List;


/** Where the site announces what a CDN must purge. Returns only once every one is durably accepted. */
public interface InvalidationSink extends AutoCloseable {

    /** Sends them in order; throws if any could not be delivered, so the caller can try again. */
    void send(List<Invalidation> invalidations);

    @Override
    void close();
}
