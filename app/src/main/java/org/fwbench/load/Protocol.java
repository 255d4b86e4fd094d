package org.fwbench.load;

/** What a connection speaks once made, under the names ALPN and the results use. */
enum Protocol {
    HTTP_1_1("http/1.1"),
    H2("h2"),
    H2C("h2c");

    private final String key;

    Protocol(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
