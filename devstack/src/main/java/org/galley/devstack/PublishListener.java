package org.galley.devstack;

/**
 * Told what becomes of each story as the publisher learns it: plain lines on a pipe ({@link PlainLines}),
 * a progress bar on a terminal ({@link ProgressBar}).
 */
interface PublishListener {

    void started(int total);

    void resolved(PublishReport.Entry entry);

    void finished();
}
