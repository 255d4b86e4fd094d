/**
 * Raw Netty as a target: the HTTP/1.1 codec and one handler routing by hand, on epoll when the native
 * transport loads; on request h2c beside it or TLS with h2 by ALPN, each HTTP/2 stream a child channel.
 * Netty has no static-file handler, so the file is served from memory.
 */
package org.fwbench.targets.netty;
