package org.galley.runtime.metrics;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far a site is behind on {@code articles.published}, as the gauges {@code galley_site_lag_records} (records
 * not yet applied, summed over partitions) and {@code galley_site_lag_seconds} (while it is behind: how old the
 * last record it applied is; 0 when caught up). The site's reader {@link #update}s it after each poll; a scrape
 * reads it from another thread, so only these two numbers cross, never the consumer.
 */
public final class SiteLag implements MeterBinder {

    public static final String RECORDS = "galley.site.lag.records";
    public static final String SECONDS = "galley.site.lag.seconds";

    private final Clock clock;
    private final AtomicLong recordsBehind = new AtomicLong();
    private final AtomicLong lastAppliedMillis = new AtomicLong(-1);

    public SiteLag(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param recordsBehind     records on articles.published past the reader's position
     * @param lastAppliedMillis the timestamp of the last record applied, or -1 when none was yet
     */
    public void update(long recordsBehind, long lastAppliedMillis) {
        this.recordsBehind.set(Math.max(0, recordsBehind));
        if (lastAppliedMillis >= 0) {
            this.lastAppliedMillis.set(lastAppliedMillis);
        }
    }

    public long records() {
        return recordsBehind.get();
    }

    public double seconds() {
        long last = lastAppliedMillis.get();
        if (recordsBehind.get() == 0 || last < 0) {
            return 0;
        }
        return Math.max(0, clock.millis() - last) / 1000.0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(RECORDS, this, SiteLag::records).description("Records on articles.published the site has not applied yet")
                .register(registry);
        Gauge.builder(SECONDS, this, SiteLag::seconds).description("While the site is behind, the age of the last record it applied")
                .register(registry);
    }
}
