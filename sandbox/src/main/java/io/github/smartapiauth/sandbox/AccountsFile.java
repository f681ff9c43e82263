package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sandbox accounts from a file, for the command line. Two forms:
 * <ul>
 *   <li>text, one account per line: {@code API_KEY CLIENT_CODE MPIN TOTP_SECRET [PROFILE NAME...]},
 *       separated by spaces, tabs or commas; blank lines and lines starting with {@code #} are skipped;</li>
 *   <li>JSON (the file starts with {@code [} or <code>{</code>): an array, or <code>{"accounts":[...]}</code>, of
 *       <code>{"apiKey":..., "clientCode":..., "mpin":..., "totpSecret":..., "name":...}</code> ({@code name} optional).</li>
 * </ul>
 * Error messages name the line or entry, never a value from it (the file holds secrets).
 */
public final class AccountsFile {

    private AccountsFile() {
    }

    /**
     * @throws IllegalArgumentException when an entry is malformed or the file holds no account
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static List<SandboxAccount> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accounts file " + file, e);
        }
        String start = text.strip();
        List<SandboxAccount> accounts = start.startsWith("[") || start.startsWith("{") ? fromJson(start) : fromLines(text);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the accounts file " + file + " holds no account");
        }
        return List.copyOf(accounts);
    }

    private static List<SandboxAccount> fromLines(String text) {
        List<SandboxAccount> accounts = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("[\\s,]+", 5);
            if (fields.length < 4) {
                throw new IllegalArgumentException("accounts file line " + (i + 1)
                        + ": expected API_KEY CLIENT_CODE MPIN TOTP_SECRET [PROFILE NAME]");
            }
            String name = fields.length == 5 ? fields[4].strip() : "";
            accounts.add(account(fields[0], fields[1], fields[2], fields[3], name, "line " + (i + 1)));
        }
        return accounts;
    }

    private static List<SandboxAccount> fromJson(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the accounts file is not valid JSON"); // the parser would quote it
        }
        JsonNode list = root.isObject() ? root.path("accounts") : root;
        if (!list.isArray()) {
            throw new IllegalArgumentException("a JSON accounts file is an array of accounts, or {\"accounts\":[...]}");
        }
        List<SandboxAccount> accounts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String where = "entry " + (i + 1);
            accounts.add(account(field(entry, "apiKey", where), field(entry, "clientCode", where),
                    field(entry, "mpin", where), field(entry, "totpSecret", where), entry.path("name").asText(""), where));
        }
        return accounts;
    }

    private static SandboxAccount account(String apiKey, String clientCode, String mpin, String totpSecret, String name,
                                          String where) {
        try {
            SandboxAccount account = SandboxAccount.of(apiKey, clientCode, mpin, totpSecret);
            return name.isBlank() ? account : new SandboxAccount(apiKey, clientCode, mpin, totpSecret,
                    new AccountProfile(name, account.profile().email(), account.profile().mobileNo(),
                            account.profile().exchanges(), account.profile().products(), account.profile().brokerId()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accounts file " + where + ": " + e.getMessage());
        }
    }

    private static String field(JsonNode entry, String name, String where) {
        JsonNode value = entry.get(name);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException("accounts file " + where + ": missing \"" + name + "\"");
        }
        return value.asText();
    }
}
