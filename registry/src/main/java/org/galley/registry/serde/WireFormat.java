package org.galley.registry.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a registry-encoded message: byte 0 is the magic byte 0x00, bytes 1–4 the
 * schema's global id as a big-endian int, then the Avro binary encoding of the datum.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x00;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The five header bytes for a message written with the schema of this id. */
    public static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId};
    }

    /** The schema id in a framed message; a {@link SerializationException} if it is not framed as Confluent's. */
    public static int schemaId(byte[] message) {
        if (message.length == 0 || message[0] != MAGIC_BYTE) {
            String found = message.length == 0 ? "an empty message" : String.format("0x%02x", message[0]);
            throw new SerializationException("Unknown magic byte: expected 0x00 (Confluent wire format) but found " + found);
        }
        if (message.length < HEADER_SIZE) {
            throw new SerializationException("Message too short for the Confluent wire format: " + message.length
                    + " bytes, the header alone is " + HEADER_SIZE);
        }
        return ((message[1] & 0xff) << 24) | ((message[2] & 0xff) << 16) | ((message[3] & 0xff) << 8) | (message[4] & 0xff);
    }
}
