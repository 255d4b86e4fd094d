/**
 * The load engine: an HTTP/1.1 client on Netty that sends requests under a closed, open (constant
 * arrival rate, corrected for coordinated omission) or fixed-count model and records latencies in
 * HdrHistograms. It knows URLs and load specs, never targets or reports.
 */
package org.fwbench.load;
