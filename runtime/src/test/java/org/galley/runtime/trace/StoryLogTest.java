package org.galley.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class StoryLogTest {

    private static final TraceParent TRACE =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    @Test
    void aJsonLineCarriesTheStorysArticleIdRevisionAndTraceId() throws Exception {
        LoggerContext context = new LoggerContext();
        // The MDC that StoryLog writes to: SLF4J's, which a context of its own does not know by itself.
        context.setMDCAdapter(MDC.getMDCAdapter());
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        Logger logger = context.getLogger("org.galley.test");
        logger.addAppender(appender);

        try (StoryLog.Scope story = StoryLog.open("a1", 3L, TRACE)) {
            logger.info("Rendered");
        }

        JsonNode line = new ObjectMapper().readTree(written.toString(StandardCharsets.UTF_8));
        assertThat(line.get("message").asText()).isEqualTo("Rendered");
        assertThat(line.get("articleId").asText()).isEqualTo("a1");
        assertThat(line.get("revision").asText()).isEqualTo("3");
        assertThat(line.get("traceId").asText()).isEqualTo(TRACE.traceId());
    }

    @Test
    void closingRestoresWhatTheMdcHeldBefore() {
        try (StoryLog.Scope outer = StoryLog.open("outer", 1L, null)) {
            try (StoryLog.Scope inner = StoryLog.open("inner", 2L, TRACE)) {
                assertThat(MDC.get(StoryLog.ARTICLE_ID)).isEqualTo("inner");
            }
            assertThat(MDC.get(StoryLog.ARTICLE_ID)).isEqualTo("outer");
            assertThat(MDC.get(StoryLog.REVISION)).isEqualTo("1");
            assertThat(MDC.get(StoryLog.TRACE_ID)).isNull();
        }
        assertThat(MDC.get(StoryLog.ARTICLE_ID)).isNull();
    }

    @Test
    void anArticleIdCannotForgeALogLine() {
        try (StoryLog.Scope story = StoryLog.open("a1\nERROR fake line", null, null)) {
            assertThat(MDC.get(StoryLog.ARTICLE_ID)).isEqualTo("a1\\u000aERROR fake line").doesNotContain("\n");
        }
    }

    @Test
    void logFormatJsonPicksTheJsonEncoderAndTextByDefault() throws Exception {
        assertThat(encoderOfOut("json")).isInstanceOf(LogstashEncoder.class);
        assertThat(encoderOfOut(null)).isNotInstanceOf(LogstashEncoder.class);
    }

    private static Object encoderOfOut(String logFormat) throws Exception {
        LoggerContext context = new LoggerContext();
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(StoryLogTest.class.getResource("/logback.xml"));
        Appender<ILoggingEvent> out = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("OUT");
        return ((OutputStreamAppender<ILoggingEvent>) out).getEncoder();
    }
}
