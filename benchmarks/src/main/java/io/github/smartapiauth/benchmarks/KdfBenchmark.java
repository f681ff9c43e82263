package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Argon2id alone, as the vault runs it (Bouncy Castle, v1.3, 16-byte salt, 32-byte key): once per
 * process and salt, when a vault is first opened or written. The default is RFC 9106's second
 * option (64 MiB, t=3, p=4); OWASP's minimum is the documented choice for small machines.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class KdfBenchmark {

    @Param({"RFC_9106_SECOND", "OWASP_MINIMUM"})
    public String cost;

    private final byte[] salt = new byte[16];
    private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public byte[] argon2id() {
        Argon2idParameters parameters = "OWASP_MINIMUM".equals(cost) ? Argon2idParameters.OWASP_MINIMUM
                : Argon2idParameters.RFC_9106_SECOND;
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] key = new byte[32];
        generator.generateBytes(password, key);
        return key;
    }
}
