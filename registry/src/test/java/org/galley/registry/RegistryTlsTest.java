package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.galley.registry.StubRegistry.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the registry with Confluent's {@code schema.registry.ssl.*} settings, against a local HTTPS
 * registry whose self-signed certificate (for localhost) the test makes with the JDK's keytool: one key
 * pair serves as the registry's certificate and, for mutual TLS, as the client's.
 */
class RegistryTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path truststore;

    @BeforeAll
    static void makeCertificates() throws IOException, InterruptedException {
        keystore = dir.resolve("registry.p12");
        truststore = dir.resolve("trust.p12");
        Path certificate = dir.resolve("registry.crt");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    @Test
    void aRegistryWhoseCertificateIsInTheTruststoreIsReached() throws Exception {
        try (StubRegistry registry = StubRegistry.https(serverTls(), false, n -> Reply.schema("\"string\""))) {
            SchemaRegistryClient client = SchemaRegistryClients.forConfig(trusting(registry.url()));

            assertThat(client.schemaById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
        }
    }

    @Test
    void withoutTheTruststoreTheSelfSignedRegistryIsNotTrusted() throws Exception {
        try (StubRegistry registry = StubRegistry.https(serverTls(), false, n -> Reply.schema("\"string\""))) {
            SchemaRegistryClient client = SchemaRegistryClients.forConfig(Map.of(
                    "schema.registry.url", registry.url(), RegistryClientConfig.RETRY_TIMEOUT_MS, "100"));

            assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class);
            assertThat(registry.requests()).isZero();
        }
    }

    @Test
    void aRegistryThatAsksForAClientCertificateGetsTheConfiguredOne() throws Exception {
        try (StubRegistry registry = StubRegistry.https(serverTls(), true, n -> Reply.schema("\"string\""))) {
            Map<String, Object> withKey = new HashMap<>(trusting(registry.url()));
            withKey.put("schema.registry.ssl.keystore.location", keystore.toString());
            withKey.put("schema.registry.ssl.keystore.password", PASSWORD);
            withKey.put("schema.registry.ssl.keystore.type", "PKCS12");

            assertThat(SchemaRegistryClients.forConfig(withKey).schemaById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
            Map<String, Object> withoutKey = new HashMap<>(trusting(registry.url()));
            withoutKey.put(RegistryClientConfig.RETRY_TIMEOUT_MS, "100");
            assertThatThrownBy(() -> SchemaRegistryClients.forConfig(withoutKey).schemaById(1))
                    .isInstanceOf(RegistryUnavailableException.class);
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    private static Map<String, Object> trusting(String url) {
        return Map.of("schema.registry.url", url,
                "schema.registry.ssl.truststore.location", truststore.toString(),
                "schema.registry.ssl.truststore.password", PASSWORD,
                "schema.registry.ssl.truststore.type", "PKCS12");
    }

    /** The registry's side: its key pair, and trust in the same certificate for client authentication. */
    private static SSLContext serverTls() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
