package org.galley.site.feeds;

import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.List;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/** A site and a few live stories for the feed tests. */
final class FeedFixtures {

    static final SiteSettings SITE = new SiteSettings("Stack Digest", "Independent Tech Journalism", "stackdigest.org",
            "https://stackdigest.org", "en", "#c8102e", "#1a1a1a", "#fdfcf9");

    static final ListedStory OLDER = story("claude-goes-to-work").path("/ai/claude-goes-to-work/")
            .headline("Claude Goes to Work").tags("Anthropic:anthropic", "AI agents:ai-agents")
            .publishedAt("2026-04-20T08:00:00Z").listed();
    static final ListedStory NEWER = story("microsoft-openai-partnership").path("/ai/microsoft-and-openai/")
            .headline("Microsoft & OpenAI: <Not> Breaking Up").dek("The alliance has been rewritten.")
            .tags("OpenAI:openai", "Microsoft:microsoft").hero("/media/ai-partnership.svg", "Two laptops")
            .publishedAt("2026-04-21T09:00:00Z").updatedAt("2026-04-21T12:30:00Z").listed();

    /** When the listings of the two stories last changed: the newer one's update. */
    static final Instant UPDATED = Instant.parse("2026-04-21T12:30:00Z");

    /** The home feeds of the two stories, newest first. */
    static FeedContent home() {
        return FeedContent.of(SITE, Listing.HOME, List.of(NEWER, OLDER), UPDATED);
    }

    private FeedFixtures() {
    }
}
