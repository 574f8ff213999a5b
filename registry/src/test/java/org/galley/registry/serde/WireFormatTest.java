package org.galley.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicZeroThenIdBigEndian() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        assertThat(WireFormat.header(1)).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void schemaIdReadsBackWhatTheHeaderWrote() {
        for (int id : new int[] {1, 255, 256, 65_536, 0x7fffffff, 0x80000000}) {
            assertThat(WireFormat.schemaId(WireFormat.header(id))).isEqualTo(id);
        }
    }

    @Test
    void unknownMagicByteIsRejectedNamingTheByte() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0x01, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte")
                .hasMessageContaining("0x01");
    }

    @Test
    void emptyAndTruncatedMessagesAreRejected() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte");
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }
}
