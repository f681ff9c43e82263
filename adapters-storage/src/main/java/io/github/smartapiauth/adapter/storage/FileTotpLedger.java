package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.TotpLedgerPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When each account's last TOTP code was sent, in {@code <client code>.totp-sent} beside the vault
 * (owner-only, replaced atomically): processes sharing the vault read it under the account's lease
 * before a login, so the second within one TOTP step waits for the next instead of sending a spent
 * code. Holds an epoch second, no secret. A file that cannot be read or written is ignored: each
 * process still remembers the steps it spent itself.
 */
public final class FileTotpLedger implements TotpLedgerPort {

    private static final int MAX_LENGTH = 64;

    private final Path directory;
    private final AtomicFiles files = new AtomicFiles(AtomicFiles.CHANNEL);

    public FileTotpLedger(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public Optional<Instant> lastSent(ClientCode account) {
        try {
            return files.read(fileOf(account), MAX_LENGTH)
                    .map(bytes -> Instant.ofEpochSecond(Long.parseLong(new String(bytes, StandardCharsets.US_ASCII).strip())));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void sent(ClientCode account, Instant at) {
        try {
            FilePermissions.ensureDirectory(directory);
            files.replace(fileOf(account), (at.getEpochSecond() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException unwritable) {
            // The process's own memory of the spent step still holds; the vault reports its own problems.
        }
    }

    private Path fileOf(ClientCode account) {
        return directory.resolve(account.value() + ".totp-sent");
    }

    @Override
    public String toString() {
        return "FileTotpLedger[" + directory + "]";
    }
}
