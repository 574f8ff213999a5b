package org.galley.ingest.http;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The events one class logs while a test runs. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLog(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** Each event at the level, as its formatted message followed by its exception's text, if any. */
    List<String> at(Level level) {
        return appender.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
