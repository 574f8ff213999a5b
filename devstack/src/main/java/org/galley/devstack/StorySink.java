package org.galley.devstack;

/** Where the publisher sends story files: Kafka in the local stack ({@link KafkaStorySink}), a fake in tests. */
interface StorySink {

    /** Told once, possibly on another thread, that the record was stored ({@code failure} null) or refused. */
    @FunctionalInterface
    interface Sent {
        void completed(Exception failure);
    }

    /** Sends the story, or for a file that could not be read, its rejection; returns without waiting. */
    void send(StoryFile story, Sent sent);

    /** Sends a rejection of a story Kafka refused as larger than its topics take. */
    void rejectAsTooLarge(StoryFile story, Sent sent);
}
