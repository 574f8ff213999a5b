package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which registry answers say something about the record (poison) and which about the registry (retriable). */
class FailureKindTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429, 401, 403})
    void serverErrorsTimeoutsThrottlingAndRefusedCredentialsAreRetriable(int status) {
        assertThat(FailureKind.ofStatus(status)).isEqualTo(FailureKind.RETRIABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 409, 413, 415, 422})
    void answersAboutTheSchemaOrIdArePoison(int status) {
        assertThat(FailureKind.ofStatus(status)).isEqualTo(FailureKind.POISON);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreNotRetriedWithinOneCall(int status) {
        assertThat(FailureKind.worthRetryingSoon(status)).isFalse();
        assertThat(FailureKind.worthRetryingSoon(503)).isTrue();
        assertThat(FailureKind.worthRetryingSoon(429)).isTrue();
    }
}
