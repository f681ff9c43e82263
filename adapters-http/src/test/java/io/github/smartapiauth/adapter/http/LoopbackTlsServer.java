package io.github.smartapiauth.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback HTTPS server with a certificate from a test authority, both made by the JDK's
 * {@code keytool} in a temp directory, and a trust store holding the authority, for tests of certificate failures. It counts the
 * handshakes it was offered and the requests that got through one.
 */
final class LoopbackTlsServer implements AutoCloseable {

    static final String PASSWORD = "changeit";

    private final SSLServerSocket socket;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Path trustStore;

    private LoopbackTlsServer(Path keyStore, Path trustStore) throws Exception {
        this.trustStore = trustStore;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A server whose certificate, issued by a test authority made here, names {@code subjectAltName}
     * (keytool syntax, e.g. {@code ip:127.0.0.1}) and is valid from {@code startDate} (keytool syntax,
     * e.g. {@code -3d}) for {@code validityDays}. Only {@link #trustingJvmOptions()} trusts the authority.
     */
    static LoopbackTlsServer start(Path dir, String subjectAltName, String startDate, int validityDays) throws Exception {
        String keyStore = dir.resolve("server.p12").toString();
        String authorityStore = dir.resolve("authority.p12").toString();
        String authority = dir.resolve("authority.pem").toString();
        String request = dir.resolve("server.csr").toString();
        String certificate = dir.resolve("server.pem").toString();
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-keystore", authorityStore, "-alias", "authority", "-dname", "CN=smartapi-auth test authority",
                "-ext", "bc:c", "-startdate", "-1d", "-validity", "30");
        keytool("-exportcert", "-rfc", "-keystore", authorityStore, "-alias", "authority", "-file", authority);
        keytool("-genkeypair", "-keystore", keyStore, "-alias", "server", "-dname", "CN=smartapi-auth test server");
        keytool("-certreq", "-keystore", keyStore, "-alias", "server", "-file", request);
        keytool("-gencert", "-keystore", authorityStore, "-alias", "authority", "-infile", request, "-outfile", certificate,
                "-rfc", "-ext", "SAN=" + subjectAltName, "-startdate", startDate, "-validity", Integer.toString(validityDays));
        keytool("-importcert", "-noprompt", "-keystore", keyStore, "-alias", "authority", "-file", authority);
        keytool("-importcert", "-noprompt", "-keystore", keyStore, "-alias", "server", "-file", certificate);
        keytool("-importcert", "-noprompt", "-keystore", trustStore.toString(), "-alias", "authority", "-file", authority);
        return new LoopbackTlsServer(Path.of(keyStore), trustStore);
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + socket.getLocalPort());
    }

    /** JVM options that make a child JVM trust this server's certificate. */
    List<String> trustingJvmOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    int handshakes() {
        return handshakes.get();
    }

    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket connection = (SSLSocket) socket.accept()) {
                handshakes.incrementAndGet();
                connection.startHandshake();
                if (connection.getInputStream().read() >= 0) {
                    requests.incrementAndGet();
                }
            } catch (IOException refusedOrClosed) {
                // the client refused the certificate, or the server was closed
            }
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD, "-keyalg", "EC", "-groupname", "secp256r1"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
