package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.totp.TotpClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in TOTP source whose code is the step number's last six digits, so tests can tell
 * which step a code came from. Records every step asked for.
 */
public final class StepCodes implements OneTimePasswordPort {

    private final TotpClock clock = TotpClock.smartApi();
    private final List<Long> stepsAsked = new CopyOnWriteArrayList<>();

    public static String codeForStep(long step) {
        return String.format(java.util.Locale.ROOT, "%06d", Math.floorMod(step, 1_000_000L));
    }

    @Override
    public TotpCode codeAt(ClientCode account, Instant instant) {
        long step = clock.stepAt(instant);
        stepsAsked.add(step);
        return TotpCode.of(codeForStep(step));
    }

    public List<Long> stepsAsked() {
        return List.copyOf(stepsAsked);
    }
}
