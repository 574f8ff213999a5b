package org.galley.registry.testing;

import java.util.List;
import org.apache.avro.Schema;

/** Sample {@link Story} records and the first version of its schema, for the registry's tests. */
public final class Stories {

    /** Version 1 of Story: version 2 (the generated class) adds "kicker" with a null default. */
    public static final Schema STORY_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Story", "namespace": "org.galley.registry.testing", "fields": [
              {"name": "id", "type": "string"},
              {"name": "headline", "type": "string"},
              {"name": "wordCount", "type": "int"},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "desk", "type": {"type": "enum", "name": "Desk", "symbols": ["NEWS", "SPORT", "CULTURE"]}},
              {"name": "publishedAt", "type": ["null", "long"], "default": null}
            ]}""");

    private Stories() {
    }

    public static Story sample() {
        return Story.newBuilder()
                .setId("story-42")
                .setHeadline("Harbour bridge reopens after storm — «finally»")
                .setWordCount(812)
                .setTags(List.of("transport", "weather"))
                .setDesk(Desk.NEWS)
                .setPublishedAt(1_767_225_600_000L)
                .setKicker("Breaking")
                .build();
    }
}
