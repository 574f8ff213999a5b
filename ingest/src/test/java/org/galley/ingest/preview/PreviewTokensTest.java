package org.galley.ingest.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.galley.events.ArticleSubmitted;
import org.galley.ingest.Stories;
import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;

class PreviewTokensTest {

    private static final String HEX_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private final PreviewTokens tokens = PreviewTokens.fromConfig(config(HEX_SECRET));

    @Test
    void aPreviewsTokenIsThirtyTwoUrlSafeCharactersAndTheSameForTheSameSubmission() {
        String token = tokens.tokenFor(Stories.good("story", 1));

        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(PreviewTokens.fromConfig(config(HEX_SECRET)).tokenFor(Stories.good("story", 1))).isEqualTo(token);
        assertThat(PreviewTokens.path(token)).isEqualTo("/preview/" + token + "/");
    }

    @Test
    void anotherRevisionSubmissionTimeStoryOrSecretGivesAnotherToken() {
        String token = tokens.tokenFor(Stories.good("story", 1));
        ArticleSubmitted resent = Stories.story("story", 1).setSubmittedAt(Stories.SUBMITTED_AT.plusMillis(1)).build();

        assertThat(tokens.tokenFor(Stories.good("story", 2))).isNotEqualTo(token);
        assertThat(tokens.tokenFor(Stories.good("other", 1))).isNotEqualTo(token);
        assertThat(tokens.tokenFor(resent)).isNotEqualTo(token);
        assertThat(PreviewTokens.fromConfig(config(HEX_SECRET.replace('0', '1'))).tokenFor(Stories.good("story", 1)))
                .isNotEqualTo(token);
    }

    @Test
    void aSecretIsHexOrLongTextAndAShortOneIsRefused() {
        String text = "a newsroom secret of thirty-two bytes or more";
        assertThat(PreviewTokens.fromConfig(config(text)).tokenFor(Stories.good("story", 1)))
                .isEqualTo(new PreviewTokens(text.getBytes(StandardCharsets.UTF_8)).tokenFor(Stories.good("story", 1)));
        assertThatThrownBy(() -> PreviewTokens.fromConfig(config("too short")))
                .hasMessageContaining("GALLEY_PREVIEW_SECRET must hold at least 32 bytes");
        // Without one (compose passes an empty one), previews still work, from a random secret.
        assertThat(PreviewTokens.fromConfig(new ServiceConfig(Map.of())).tokenFor(Stories.good("story", 1)))
                .matches("[A-Za-z0-9_-]{32}");
        assertThat(PreviewTokens.fromConfig(config(" ")).tokenFor(Stories.good("story", 1)))
                .matches("[A-Za-z0-9_-]{32}");
    }

    private static ServiceConfig config(String secret) {
        return new ServiceConfig(Map.of("GALLEY_PREVIEW_SECRET", secret));
    }
}
