package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void withoutAConfiguredTokenEveryRequestIsPermitted() {
        assertThat(BearerToken.permits(Optional.empty(), null)).isTrue();
    }

    @Test
    void onlyTheExactTokenIsPermitted() {
        Optional<String> token = Optional.of("s3cret");

        assertThat(BearerToken.permits(token, "Bearer s3cret")).isTrue();
        assertThat(BearerToken.permits(token, "bearer s3cret")).isTrue();
        assertThat(BearerToken.permits(token, "Bearer s3cret2")).isFalse();
        assertThat(BearerToken.permits(token, "Basic s3cret")).isFalse();
        assertThat(BearerToken.permits(token, "s3cret")).isFalse();
        assertThat(BearerToken.permits(token, "")).isFalse();
        assertThat(BearerToken.permits(token, null)).isFalse();
    }
}
