package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.totp.TotpClock;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedTotpAdapterTest extends OneTimePasswordPortContractTest {

    private final StringWriter output = new StringWriter();

    @Override
    protected OneTimePasswordPort portFor(Map<ClientCode, TotpKey> keys, Instant now, List<String> typed) {
        return adapter(String.join("\n", typed) + (typed.isEmpty() ? "" : "\n"), now, TypedTotpSettings.smartApi());
    }

    private TypedTotpAdapter adapter(String script, Instant now, TypedTotpSettings settings) {
        return TypedTotpAdapter.over(new StringReader(script), output, Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    @Test
    void thePromptNamesTheAccountAndTheSecondsLeft() {
        adapter("287082\n", Instant.ofEpochSecond(43), TypedTotpSettings.smartApi()).codeAt(ALICE, AT_59);
        assertThat(output.toString())
                .isEqualTo("TOTP code for account A1234567 (6 digits, 17 s left for the current code): ");
    }

    @Test
    void secondsLeftRoundUpPartSeconds() {
        adapter("287082\n", Instant.ofEpochSecond(43, 400_000_000), TypedTotpSettings.smartApi()).codeAt(ALICE, AT_59);
        assertThat(output.toString()).contains("17 s left");
    }

    @Test
    void warnsWhenTheCodeIsAboutToChange() {
        adapter("287082\n", Instant.ofEpochSecond(59), TypedTotpSettings.smartApi()).codeAt(ALICE, AT_59);
        assertThat(output.toString()).contains("(6 digits, the code changes in 1 s: wait for the new one): ");
    }

    @Test
    void badEntriesAreExplainedAndAskedAgainWithoutEchoingThem() {
        String script = "\n98a765\n98765\n";
        TypedTotpAdapter adapter = adapter(script + " 287082\t\r\n", AT_59,
                new TypedTotpSettings(6, 4, TotpClock.smartApi()));
        assertThat(adapter.codeAt(ALICE, AT_59).reveal()).isEqualTo("287082");
        String nl = System.lineSeparator();
        String prompt = "TOTP code for account A1234567 (6 digits, the code changes in 1 s: wait for the new one): ";
        assertThat(output.toString()).isEqualTo(
                prompt + "Nothing was typed; type the 6 digits the authenticator app shows. Try again (3 attempts left)." + nl
                + prompt + "That entry has a letter at position 3; a code is 6 ASCII digits 0-9 only."
                        + " Try again (2 attempts left)." + nl
                + prompt + "That entry has 5 digits; a code has exactly 6. Try again (1 attempt left)." + nl
                + prompt);
        assertThat(output.toString()).doesNotContain("287082", "98a765", "98765");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "+12345| That entry has a symbol at position 1",
        "-12345| That entry has a symbol at position 1",
        "١٢٣٤٥٦| That entry has a digit that is not 0-9 (set the keyboard to Western digits) at position 1",
        "१२३४५६| That entry has a digit that is not 0-9",
        "１２３４５６| That entry has a digit that is not 0-9",
        "123 456| That entry has a whitespace character at position 4",
        "9876543| That entry has 7 digits; a code has exactly 6.",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890| more than 64 digits"
    })
    void rejectsWhatIntegerParseIntWouldAccept(String entry, String message) {
        TypedTotpAdapter adapter = adapter(entry + "\n", AT_59, new TypedTotpSettings(6, 1, TotpClock.smartApi()));
        assertThatThrownBy(() -> adapter.codeAt(ALICE, AT_59))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no valid TOTP code was typed for account A1234567 in 1 attempt;"
                        + " type the 6 digits the authenticator app shows for the account");
        assertThat(output.toString()).contains(message).doesNotContain(entry.strip()).doesNotContain("Try again");
    }

    @Test
    void endOfInputIsAClearConfigurationError() {
        TypedTotpAdapter adapter = adapter("12\n", AT_59, TypedTotpSettings.smartApi());
        assertThatThrownBy(() -> adapter.codeAt(BOB, AT_59))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the input ended before a TOTP code was typed for account B7654321; type the 6-digit code"
                        + " when asked, or configure the account's TOTP secret so that codes are generated");
    }

    @Test
    void eightDigitCodesCanBeConfigured() {
        TypedTotpAdapter adapter = adapter("287082\n94287082\n", AT_59, new TypedTotpSettings(8, 2, TotpClock.smartApi()));
        assertThat(adapter.codeAt(ALICE, AT_59).reveal()).isEqualTo("94287082");
        assertThat(output.toString()).contains("(8 digits,", "That entry has 6 digits; a code has exactly 8.")
                .doesNotContain("94287082", "287082");
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> new TypedTotpSettings(5, 3, TotpClock.smartApi()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 6 to 8");
        assertThatThrownBy(() -> new TypedTotpSettings(6, 0, TotpClock.smartApi()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
