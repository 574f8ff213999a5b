package org.galley.site;

import java.util.function.Consumer;

/**
 * Site files that write, append and delete through another, running {@code beforeWrite} with each write's path
 * first (to fail it, or to let a test's clock move on while it lasts). They cannot read their files back
 * ({@link SiteFiles#read}'s default), so nothing is skipped as unchanged.
 */
final class HookedFiles implements SiteFiles {

    private final SiteFiles to;
    private final Consumer<String> beforeWrite;

    HookedFiles(SiteFiles to, Consumer<String> beforeWrite) {
        this.to = to;
        this.beforeWrite = beforeWrite;
    }

    @Override
    public void write(String relativePath, String content) {
        beforeWrite.accept(relativePath);
        to.write(relativePath, content);
    }

    @Override
    public void appendLine(String relativePath, String line) {
        to.appendLine(relativePath, line);
    }

    @Override
    public boolean delete(String relativePath) {
        return to.delete(relativePath);
    }
}
