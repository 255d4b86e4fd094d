package org.fwbench.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key pair and self-signed certificate for {@code 127.0.0.1}, {@code ::1} and {@code localhost}, made at
 * start by the JDK's own {@code keytool} (nothing is fetched, and no key is kept in the repository or on
 * disk: the key store file is read into memory and deleted at once). EC P-256, the usual key of today's
 * TLS servers.
 *
 * @param keyStore a PKCS#12 key store holding the key and certificate under {@link #ALIAS}
 * @param password the key store's and the key's password
 */
public record SelfSigned(KeyStore keyStore, char[] password) {

    public static final String ALIAS = "fwbench";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Runs keytool from the JDK running this target. */
    public static SelfSigned create() {
        String password = "fwbench-" + Long.toHexString(System.nanoTime());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fwbench-tls-");
            Path file = dir.resolve("target.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "san=ip:127.0.0.1,ip:::1,dns:localhost", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a self-signed certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            return new SelfSigned(store, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a self-signed certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the self-signed certificate keytool made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a self-signed certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Key managers over the key store, for servers that take them (Netty, and {@link #sslContext()}). */
    public KeyManagerFactory keyManagers() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, password);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the self-signed key store cannot be used", e);
        }
    }

    /** A JDK TLS context serving the certificate, for servers that take an {@link SSLContext}. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers().getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
