package org.galley.ingest.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.galley.events.RejectionReason;
import org.galley.ingest.revision.RevisionPolicy.Verdict;
import org.junit.jupiter.api.Test;

class RevisionPolicyTest {

    @Test
    void theFirstRevisionOfAStoryIsNewer() {
        assertThat(RevisionPolicy.judge(null, 1)).isEqualTo(Verdict.NEWER);
    }

    @Test
    void aHigherRevisionIsNewer() {
        assertThat(RevisionPolicy.judge(2L, 3)).isEqualTo(Verdict.NEWER);
    }

    @Test
    void theSameRevisionIsADuplicate() {
        assertThat(RevisionPolicy.judge(2L, 2)).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void aLowerRevisionIsStale() {
        assertThat(RevisionPolicy.judge(2L, 1)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aRevisionThatGoesOnHasNoRefusal() {
        assertThat(RevisionPolicy.refusal("story", null, 1)).isEmpty();
        assertThat(RevisionPolicy.refusal("story", 2L, 5)).isEmpty();
    }

    @Test
    void aDuplicateIsRefusedNamingTheNextRevisionToSend() {
        RejectionReason reason = RevisionPolicy.refusal("story", 3L, 3).orElseThrow();

        assertThat(reason.getField()).isEqualTo("revision");
        assertThat(reason.getCode()).isEqualTo("duplicate-revision");
        assertThat(reason.getMessage()).contains("Revision 3 of story 'story' was already accepted")
                .contains("revision 4 or higher");
    }

    @Test
    void aStaleRevisionIsRefusedNamingTheNewestAccepted() {
        RejectionReason reason = RevisionPolicy.refusal("story", 7L, 2).orElseThrow();

        assertThat(reason.getCode()).isEqualTo("stale-revision");
        assertThat(reason.getMessage()).contains("older than revision 7").contains("revision 8 or higher");
    }

    @Test
    void theNextRevisionIsOneMoreThanTheNewestAccepted() {
        assertThat(RevisionPolicy.next(4)).isEqualTo(5);
    }
}
