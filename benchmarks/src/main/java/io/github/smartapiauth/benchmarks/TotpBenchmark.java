package io.github.smartapiauth.benchmarks;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.github.smartapiauth.adapter.totp.Base32Decoder;
import io.github.smartapiauth.adapter.totp.TotpGenerator;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.credential.TotpSecret;
import io.github.smartapiauth.sandbox.SandboxAccount;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One TOTP code (SHA-1, 6 digits, 30 s steps) per call, for a new step each call: ours, the bare
 * HMAC-SHA1 of the 8-byte counter with a keyed {@code Mac} (the floor), and the two peers through
 * their documented entry points (both take the base32 secret).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TotpBenchmark {

    static final String SECRET = SandboxAccount.DEMO_TOTP_SECRET;
    private static final long FIRST_STEP = 58_000_000L;

    private TotpGenerator ours;
    private Mac bareMac;
    private final byte[] message = new byte[8];
    private DefaultCodeGenerator javaTotp;
    private GoogleAuthenticator googleAuth;
    private long step = FIRST_STEP;

    @Setup
    public void prepare() throws GeneralSecurityException {
        byte[] key = Base32Decoder.decode(SECRET);
        ours = TotpGenerator.of(TotpSecret.of(key.clone()), TotpParameters.smartApi());
        bareMac = Mac.getInstance("HmacSHA1");
        bareMac.init(new SecretKeySpec(key, "HmacSHA1"));
        javaTotp = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        googleAuth = new GoogleAuthenticator();
    }

    @TearDown
    public void close() {
        ours.close();
    }

    private long nextStep() {
        return ++step;
    }

    /** The floor: HMAC-SHA1 over the 8-byte counter with a prepared key; no truncation, no digits. */
    @Benchmark
    public byte[] baselineBareHmac() {
        long counter = nextStep();
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        return bareMac.doFinal(message);
    }

    @Benchmark
    public TotpCode ours() {
        return ours.codeForCounter(nextStep());
    }

    @Benchmark
    public String javaTotp() throws CodeGenerationException {
        return javaTotp.generate(SECRET, nextStep());
    }

    /** googleauth takes a time in milliseconds; one step further each call. */
    @Benchmark
    public int googleAuth() {
        return googleAuth.getTotpPassword(SECRET, nextStep() * 30_000L);
    }
}
