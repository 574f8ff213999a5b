package org.galley.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.Stories;
import org.junit.jupiter.api.Test;

class CheckedSubmissionTest {

    private final SubmissionValidator validator = new SubmissionValidator(ValidationLimits.defaults());

    @Test
    void aValidStoryKeyedByItsIdIsValid() {
        assertThat(CheckedSubmission.check("story", Stories.good("story", 1), validator).isValid()).isTrue();
    }

    @Test
    void aMissingKeyIsAKeyMismatch() {
        CheckedSubmission checked = CheckedSubmission.check(null, Stories.good("story", 1), validator);

        assertThat(checked.reasons()).extracting(RejectionReason::getCode).containsExactly("key-mismatch");
        assertThat(checked.reasons().get(0).getMessage()).contains("no key");
        assertThat(checked.rejectionKey(null)).isEqualTo("story");
    }

    @Test
    void aRejectionCarriesTheSubmissionItsIdentityAndEveryReason() {
        ArticleSubmitted story = Stories.story("story", 4).setHeadline("").setByline("").build();
        ArticleRejected rejected = CheckedSubmission.check("story", story, validator)
                .toRejection("story", Instant.EPOCH);

        assertThat(rejected.getArticleId()).isEqualTo("story");
        assertThat(rejected.getRevision()).isEqualTo(4L);
        assertThat(rejected.getSource()).isEqualTo("test");
        assertThat(rejected.getReasons()).hasSize(2);
        assertThat(rejected.getSubmission()).isEqualTo(story);
        assertThat(rejected.getRejectedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aRejectionWithoutAnArticleIdIsKeyedByTheMessageKey() {
        CheckedSubmission checked = CheckedSubmission.check("the-key", Stories.good("", 1), validator);

        assertThat(checked.rejectionKey("the-key")).isEqualTo("the-key");
    }
}
