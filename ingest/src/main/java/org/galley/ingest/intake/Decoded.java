package org.galley.ingest.intake;

import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;

/**
 * What decoding one submission gave: a submission ready for validation (with warnings about anything ignored),
 * or every reason it could not be built. Decoding never throws for anything a submitter sent.
 */
public sealed interface Decoded permits Decoded.Read, Decoded.Refused {

    /**
     * A submission built from a story file or a JSON body. It still goes through ingest's validation, the same
     * for every way a story arrives; decoding only checks that it could be built.
     *
     * @param warnings what was ignored, e.g. an unknown key; a story file's name the file and line
     */
    record Read(ArticleSubmitted submission, List<String> warnings) implements Decoded {
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    /** A submission that could not be built, with every reason found; a story file's name the file and line. */
    record Refused(List<RejectionReason> reasons) implements Decoded {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        /** True when no article id was given, so the refusal cannot be recorded against any story. */
        public boolean missesTheId() {
            return reasons.stream().anyMatch(reason -> reason.getField().equals("articleId")
                    && reason.getCode().equals(ReasonCodes.REQUIRED));
        }
    }
}
