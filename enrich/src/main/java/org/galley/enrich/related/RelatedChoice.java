package org.galley.enrich.related;

/**
 * A story chosen as related to another, with the words its link is labelled with ("Read the Claude story").
 *
 * @param story      the related story, as the index knows it
 * @param label      a short name for the link: see {@link RelatedStories#label}
 * @param sharedTags how many tags the two stories share
 */
public record RelatedChoice(StorySummary story, String label, int sharedTags) {
}
