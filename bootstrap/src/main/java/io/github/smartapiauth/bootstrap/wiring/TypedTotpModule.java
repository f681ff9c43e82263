package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.totp.TypedTotpAdapter;
import io.github.smartapiauth.adapter.totp.TypedTotpSettings;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.util.Optional;

/** TOTP codes typed in by a person, on the console or over the given reader and writer. */
public final class TypedTotpModule extends AbstractModule {

    private final Optional<Reader> in;
    private final Optional<Writer> out;

    private TypedTotpModule(Optional<Reader> in, Optional<Writer> out) {
        this.in = in;
        this.out = out;
    }

    public static TypedTotpModule onConsole() {
        return new TypedTotpModule(Optional.empty(), Optional.empty());
    }

    public static TypedTotpModule over(Reader in, Writer out) {
        return new TypedTotpModule(Optional.of(in), Optional.of(out));
    }

    /**
     * Codes typed in at the console, which is looked for only when a login needs a code (an account
     * without a secret may be configured, or added, where no console exists, and never log in there).
     */
    public static OneTimePasswordPort onConsoleWhenNeeded(Clock clock) {
        return (account, instant) -> TypedTotpAdapter.onConsole(clock, TypedTotpSettings.smartApi())
                .codeAt(account, instant);
    }

    @Provides
    @Singleton
    OneTimePasswordPort typed(@Internal Clock clock) {
        TypedTotpSettings settings = TypedTotpSettings.smartApi();
        return in.isPresent() && out.isPresent()
                ? TypedTotpAdapter.over(in.get(), out.get(), clock, settings)
                : TypedTotpAdapter.onConsole(clock, settings);
    }
}
