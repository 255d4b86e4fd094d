package org.fwbench.targets.testkit;

/** Fetches a path of a running target; closing it closes its connections. */
interface Client extends AutoCloseable {

    Answer get(String path);

    @Override
    void close();
}
