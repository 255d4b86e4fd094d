/**
 * The load engine: an HTTP/1.1 and HTTP/2 client on Netty, over TLS for https (BoringSSL or the JDK's), that
 * sends requests under a closed or an open model
 * (constant arrival rate, corrected for coordinated omission), ended by a duration, a request count or
 * whichever comes first, and records latencies in HdrHistograms, kept whole in its results so that the
 * results of agents that loaded one server together merge exactly. It knows URLs and load specs, never
 * targets or reports, and uses nothing of fwbench but {@code stats}.
 */
package org.fwbench.load;
