package org.galley.enrich.story;

import org.junit.jupiter.api.BeforeEach;

class InMemoryStoryIndexTest extends StoryIndexContract {

    private InMemoryStoryIndex index;

    @BeforeEach
    void emptyIndex() {
        index = new InMemoryStoryIndex();
    }

    @Override
    protected StoryIndex index() {
        return index;
    }
}
