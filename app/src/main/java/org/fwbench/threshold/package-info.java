/**
 * Limits a run must keep, typed as {@code p99>50ms}, {@code errors>0} or {@code rss>200MiB}: parsed strictly,
 * then checked on every target x scenario of a result, so that fwbench can fail a CI job.
 */
package org.fwbench.threshold;
