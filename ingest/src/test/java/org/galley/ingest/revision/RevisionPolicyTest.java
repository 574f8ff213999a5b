package org.galley.ingest.revision;

import static org.assertj.core.api.Assertions.assertThat;

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
}
