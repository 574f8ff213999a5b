package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.galley.devstack.Ledger.Reconciliation;
import org.junit.jupiter.api.Test;

/** How the audit's books count submissions and their outcomes. */
class LedgerTest {

    @Test
    void everySubmissionWithAnOutcomeBalancesTheBooks() {
        Ledger ledger = new Ledger();
        for (int i = 0; i < 5; i++) {
            ledger.submitted();
        }
        ledger.published("a", 1, 0);
        ledger.published("b", 1, 0);
        ledger.published("b", 2, 0);
        ledger.rejected(false);
        ledger.rejected(true);
        ledger.failed("ingest", null, null);

        Reconciliation books = ledger.reconcile();

        assertThat(books.submitted()).isEqualTo(6);
        assertThat(books.refusedAtDoor()).isEqualTo(1);
        assertThat(books.published()).isEqualTo(3);
        assertThat(books.rejected()).isEqualTo(2);
        assertThat(books.failed()).isEqualTo(1);
        assertThat(books.failedByStage()).isEqualTo(Map.of("ingest", 1L));
        assertThat(books.balanced()).isTrue();
        assertThat(books.broken()).isFalse();
    }

    @Test
    void aSubmissionWithoutAnOutcomeIsInFlight() {
        Ledger ledger = new Ledger();
        ledger.submitted();
        ledger.submitted();
        ledger.published("a", 1, 0);

        Reconciliation books = ledger.reconcile();

        assertThat(books.inFlight()).isEqualTo(1);
        assertThat(books.balanced()).isFalse();
        assertThat(books.broken()).isFalse();
    }

    @Test
    void reSendsWithNewLinksCountOnceAndAreNotDuplicates() {
        Ledger ledger = new Ledger();
        ledger.submitted();
        ledger.published("a", 1, 0);
        ledger.published("a", 1, 1);
        ledger.published("a", 1, 3);

        Reconciliation books = ledger.reconcile();

        assertThat(books.published()).isEqualTo(1);
        assertThat(books.resends()).isEqualTo(2);
        assertThat(books.duplicates()).isZero();
        assertThat(books.balanced()).isTrue();
    }

    @Test
    void theSameEventTwiceIsADuplicateAndBreaksTheBooks() {
        Ledger ledger = new Ledger();
        ledger.submitted();
        ledger.published("a", 1, 0);
        ledger.published("a", 1, 0);
        ledger.published("a", 1, 2);
        ledger.published("a", 1, 2);
        ledger.published("a", 1, 2);

        Reconciliation books = ledger.reconcile();

        assertThat(books.duplicates()).isEqualTo(3);
        assertThat(books.duplicated()).containsExactly("a revision 1 resend 0 (2 times)", "a revision 1 resend 2 (3 times)");
        assertThat(books.balanced()).isTrue();
        assertThat(books.broken()).isTrue();
    }

    @Test
    void aFailureIsCountedOncePerRevisionAndNotAtAllOnceThatRevisionWasPublished() {
        Ledger ledger = new Ledger();
        ledger.submitted();
        ledger.submitted();
        ledger.failed("enrich", "a", 1L);
        ledger.failed("enrich", "a", 1L);
        ledger.failed("render", "b", 4L);
        ledger.published("b", 4, 0);

        Reconciliation books = ledger.reconcile();

        assertThat(books.failed()).isEqualTo(1);
        assertThat(books.failedByStage()).isEqualTo(Map.of("enrich", 1L));
        assertThat(books.published()).isEqualTo(1);
        assertThat(books.balanced()).isTrue();
    }

    @Test
    void moreOutcomesThanSubmissionsBreakTheBooks() {
        Ledger ledger = new Ledger();
        ledger.submitted();
        ledger.published("a", 1, 0);
        ledger.rejected(false);

        Reconciliation books = ledger.reconcile();

        assertThat(books.inFlight()).isEqualTo(-1);
        assertThat(books.broken()).isTrue();
    }
}
