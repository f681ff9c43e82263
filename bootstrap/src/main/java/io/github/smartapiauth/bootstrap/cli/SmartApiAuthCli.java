package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code smartapi-auth} command line. Exit codes: 0 success, 1 failure, 2 usage or
 * configuration. Errors are one line on stderr ({@code --debug} adds the causes); no secret is
 * ever printed, except by {@code token} and {@code totp}, whose whole point is to print one.
 */
@Command(name = "smartapi-auth", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Keeps an Angel One SmartAPI session valid: login, status, refresh, profile, logout.",
        subcommands = {CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  smartapi-auth login                  log in and save the session",
                "  T=$(smartapi-auth token)             a valid access token, for a script",
                "  smartapi-auth status --json          the stored session as JSON, no network",
                "  source <(smartapi-auth completion bash)",
                "",
                "Settings: flags, then SMARTAPI_* environment variables, then a properties file",
                "(--config, $SMARTAPI_CONFIG, $XDG_CONFIG_HOME/smartapi-auth/config.properties,",
                "~/.smartapi-auth/config.properties), then defaults; see the README."})
public final class SmartApiAuthCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final CliEnvironment environment;
    private final AuthFactory factory;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, print the chain of causes (still without secrets); log at debug level.")
    boolean debug;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the session's events (logged in, refreshed, renewal failed...) on stderr.")
    boolean verbose;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the result as one JSON object on stdout, errors too: {\"error\":{\"kind\":...,"
                    + "\"message\":...,\"exit\":...}} (see the README for every shape).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The exit codes, as every command's --help lists them. */
    static final java.util.Map<String, String> EXIT_CODES = exitCodes();

    SmartApiAuthCli(CliEnvironment environment) {
        this.environment = environment;
        this.factory = new AuthFactory(environment);
    }

    public static void main(String[] args) {
        // Read by slf4j-simple when the first logger is made, which has not happened yet. An error is one
        // line on stderr: the session's events, which would repeat it, show only when asked for.
        java.util.List<String> given = java.util.Arrays.asList(args);
        if (given.contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        } else if (given.contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.log.io.github.smartapiauth.events", "info");
        } else {
            System.setProperty("org.slf4j.simpleLogger.log.io.github.smartapiauth.events", "off");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(System.getenv(), out, err, Terminal.system(), Clock.systemUTC());
        System.exit(run(environment, args));
    }

    /** The root's own commands: a command line that runs one of them needs no other subcommand. */
    private static final java.util.Set<String> SESSION_COMMANDS = java.util.Set.of("login", "status", "token", "refresh",
            "profile", "logout", "totp", "completion");

    /** The first argument that is not an option: the command asked for, if any. */
    private static String firstCommand(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    /** Runs one command line; returns the exit code. */
    static int run(CliEnvironment environment, String... args) {
        return BareCommand.of(args).map(bare -> runBare(environment, bare)).orElseGet(() -> runParsed(environment, args));
    }

    /** The commands scripts call per request, typed alone: nothing to parse. */
    enum BareCommand {
        TOKEN, STATUS;

        static java.util.Optional<BareCommand> of(String... args) {
            if (args.length != 1) {
                return java.util.Optional.empty();
            }
            return switch (args[0]) {
                case "token" -> java.util.Optional.of(TOKEN);
                case "status" -> java.util.Optional.of(STATUS);
                default -> java.util.Optional.empty();
            };
        }
    }

    /**
     * A bare {@code token} or {@code status} runs the command's own method with every option at its
     * default, as {@link #runParsed} would (no --json, --debug or --verbose; no flags, so the
     * environment, the discovered properties file and their warnings decide), without building picocli's
     * model of the commands: a third or more of the CLI's start-up, and picocli's classes (compiled for
     * Java 5) are the ones the launcher's class archive serves least well. Errors are reported as the
     * parsed command reports them: one line on stderr, exit code 2 for configuration, 1 otherwise.
     */
    private static int runBare(CliEnvironment environment, BareCommand command) {
        silencePicocliTrace(environment.err());
        SmartApiAuthCli root = new SmartApiAuthCli(environment);
        root.factory.json(root.json);
        int code;
        try {
            code = switch (command) {
                case TOKEN -> root.token(new ConfigOptions());
                case STATUS -> root.status(new ConfigOptions());
            };
        } catch (RuntimeException | Error error) {
            report(environment.err(), error, root.debug);
            code = exitCodeOf(error);
        }
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /** Runs one command line through picocli's parser. */
    static int runParsed(CliEnvironment environment, String... args) {
        silencePicocliTrace(environment.err());
        SmartApiAuthCli root = new SmartApiAuthCli(environment);
        CommandLine cli = new CommandLine(root);
        String command = firstCommand(args);
        boolean versionOnly = command.isEmpty() && java.util.Arrays.stream(args).anyMatch(
                arg -> arg.equals("--version") || arg.equals("-V"));
        if (!SESSION_COMMANDS.contains(command) && !versionOnly) {
            // Start-up: picocli reads every command's annotations when it is added; token and status, which
            // scripts call per request, do without the demo's, the sandbox's and the vault's.
            cli.addSubcommand("demo", new DemoCommand(environment));
            cli.addSubcommand("sandbox", new SandboxCommand(environment));
            cli.addSubcommand("vault", new VaultCommand(environment, root.factory));
        }
        cli.setOut(environment.out());
        cli.setErr(environment.err());
        cli.setExitCodeExceptionMapper(SmartApiAuthCli::exitCodeOf);
        boolean jsonAsked = java.util.Arrays.asList(args).contains("--json");
        cli.setParameterExceptionHandler((mistake, arguments) -> {
            int code = UsageErrors.report(mistake, USAGE);
            if (jsonAsked) {
                environment.out().println(ErrorJson.of("usage", UsageErrors.describe(mistake), code));
            }
            return code;
        });
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            report(environment.err(), error, root.debug);
            if (root.json) {
                environment.out().println(ErrorJson.of(error, describe(error), exitCodeOf(error)));
            }
            return exitCodeOf(error);
        });
        listExitCodes(cli);
        cli.setExecutionStrategy(parsed -> {
            root.factory.json(root.json);
            return new CommandLine.RunLast().execute(parsed);
        });
        int code = cli.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Log in now with the MPIN and a TOTP code, and save the session.",
            footerHeading = "%nExamples:%n", footer = {"  smartapi-auth login",
                    "  SMARTAPI_STORE=memory smartapi-auth login --json"})
    int login(@Mixin ConfigOptions options) {
        try (SmartApiAuth auth = factory.openForTheBroker(options)) {
            Session session = factory.typedCodeTries(auth, auth::open);
            String storedIn = auth.status().storedIn();
            if (json) {
                environment.out().println(sessionJson(session, "loggedIn").put("storedIn", storedIn));
            } else {
                printValidUntil("Logged in as", session);
                environment.out().println("Stored in " + storedIn + ".");
            }
        }
        return savedOrFailed();
    }

    private static Json sessionJson(Session session, String action) {
        return new Json().put("account", session.clientCode().value()).put("action", action)
                .put("openedAt", session.openedAt().toString()).put("expiresAt", session.expiresAt().toString());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Who is logged in, since when, for how long, and where it is stored. No network.",
            footerHeading = "%nExamples:%n", footer = {"  smartapi-auth status",
                    "  smartapi-auth status --json | jq .secondsLeft"})
    int status(@Mixin ConfigOptions options) {
        SmartApiAuthConfig config = factory.config(options);
        java.util.Optional<SessionStatus> stored = StoredSession.status(config, environment.clock());
        if (stored.isPresent()) {
            return print(stored.get(), HealthOfStatus.of(stored.get()));
        }
        try (SmartApiAuth auth = factory.open(config)) {
            SessionStatus status = auth.status();
            return print(status, HealthOfStatus.of(auth.account(auth.account()).health(), status));
        }
    }

    private int print(SessionStatus status, HealthState health) {
        if (json) {
            environment.out().println(StatusJson.of(status).put("health", health.name()));
        } else {
            printStatus(status);
            environment.out().println("  health:      " + health + (health.canTrade() ? " (can trade)" : ""));
        }
        return status.session().isPresent() ? OK : FAILED;
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Print a valid access token alone, for piping (renews it if needed).",
                    "It prints a SECRET: anyone holding the token can trade on the account until it expires."
                            + " Keep it out of logs, shell history and shared terminals."},
            footerHeading = "%nExamples:%n", footer = {"  T=$(smartapi-auth token)",
                    "  smartapi-auth token | xargs -I{} curl -H \"Authorization: Bearer {}\" ...",
                    "  smartapi-auth token --json     {\"account\":...,\"accessToken\":...}"})
    int token(@Mixin ConfigOptions options) {
        SmartApiAuthConfig config = factory.config(options);
        java.util.Optional<String> fresh = StoredSession.freshToken(config, environment.clock());
        if (fresh.isPresent()) {
            printToken(config.firstAccount().credentials().clientCode().value(), fresh.get());
            return OK;
        }
        try (SmartApiAuth auth = factory.openForTheBroker(config)) {
            printToken(auth.accounts().iterator().next().value(), factory.typedCodeTries(auth, auth::accessToken));
        }
        return savedOrFailed();
    }

    private void printToken(String account, String token) {
        environment.out().println(json ? new Json().put("account", account).put("accessToken", token).toString() : token);
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Refresh the session now (logs in again if the broker refuses).")
    int refresh(@Mixin ConfigOptions options) {
        try (SmartApiAuth auth = factory.openForTheBroker(options)) {
            java.util.Optional<SessionStatus.Summary> before = auth.status().session();
            Session after = factory.typedCodeTries(auth, auth::refresh);
            if (json) {
                environment.out().println(sessionJson(after, before.isEmpty() ? "loggedIn"
                        : after.openedAt().equals(before.get().openedAt()) ? "refreshed" : "loggedInAgain"));
            } else if (before.isEmpty()) {
                printValidUntil("No session to refresh: logged in as", after);
            } else if (!after.openedAt().equals(before.get().openedAt())) {
                printValidUntil("The broker refused the refresh: logged in again as", after);
            } else {
                printValidUntil("Refreshed", after);
            }
        }
        return savedOrFailed();
    }

    private void printValidUntil(String what, Session session) {
        environment.out().println(what + " " + session.clientCode() + "; the session is valid until "
                + TimeFormat.at(session.expiresAt()) + ".");
    }

    /** A session the store could not keep is lost at exit: say so, and fail. */
    private int savedOrFailed() {
        return factory.storeFailure().map(problem -> {
            environment.err().println("error: the session could not be saved: " + problem.getMessage());
            return FAILED;
        }).orElse(OK);
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "The account's profile from SmartAPI.")
    int profile(@Mixin ConfigOptions options) {
        try (SmartApiAuth auth = factory.openForTheBroker(options)) {
            Profile profile = factory.typedCodeTries(auth, auth::profile);
            if (json) {
                environment.out().println(new Json().put("clientCode", profile.clientCode().value())
                        .put("name", profile.name()).put("email", profile.email())
                        .put("mobileNumber", profile.mobileNumber()).put("exchanges", profile.exchanges())
                        .put("products", profile.products())
                        .put("lastLoginTime", profile.lastLoginTime().map(TimeFormat::isoInIndia).orElse(null))
                        .put("brokerId", profile.brokerId()));
            } else {
                environment.out().println(profile.name() + " (" + profile.clientCode() + ")");
                environment.out().println("  exchanges: " + String.join(", ", profile.exchanges()));
                environment.out().println("  products:  " + String.join(", ", profile.products()));
                profile.lastLoginTime().ifPresent(time -> environment.out().println("  last login: "
                        + TimeFormat.inIndia(time)));
            }
        }
        return OK;
    }

    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = "Print the shell completion script for bash or zsh.",
            footerHeading = "%nExamples:%n", footer = {"  source <(smartapi-auth completion bash)      # this shell",
                    "  smartapi-auth completion bash > ~/.local/share/bash-completion/completions/smartapi-auth",
                    "  source <(smartapi-auth completion zsh)       # in ~/.zshrc"})
    int completion(@CommandLine.Parameters(paramLabel = "bash|zsh", description = "The shell.") String shell) {
        String script = picocli.AutoComplete.bash("smartapi-auth", spec.commandLine());
        switch (shell) {
            case "bash" -> environment.out().print(script);
            case "zsh" -> environment.out().print("autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw new UsageError(spec.commandLine().getSubcommands().get("completion"),
                    "completion: unknown shell; expected bash or zsh");
        }
        environment.out().flush();
        return OK;
    }

    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Log out at the broker and forget the stored session.")
    int logout(@Mixin ConfigOptions options) {
        try (SmartApiAuth auth = factory.open(options)) {
            LogoutResult result = auth.logout();
            if (json) {
                environment.out().println(new Json().put("account", result.account().value())
                        .put("hadSession", result.hadSession()).put("serverConfirmed", result.serverConfirmed())
                        .put("complete", result.complete()).put("message", result.describe()));
            } else {
                (result.complete() ? environment.out() : environment.err()).println(result.describe());
            }
            return result.complete() ? OK : FAILED;
        }
    }

    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = {"The current TOTP code and the seconds left in its step.",
                    "It prints a SECRET for up to 30 s: the code logs the account in with the MPIN."})
    int totp(@Mixin ConfigOptions options) {
        TotpPrinter.print(factory.totpKey(options), environment, json);
        return OK;
    }

    private void printStatus(SessionStatus status) {
        PrintWriter out = environment.out();
        if (status.storeProblem().isPresent()) {
            out.println("Cannot read the stored session of " + status.account() + " (" + status.storedIn() + "): "
                    + status.storeProblem().get().getMessage());
        } else if (status.session().isEmpty()) {
            out.println("No session for " + status.account() + " (stored in " + status.storedIn() + ").");
        }
        status.session().ifPresent(session -> {
            out.println(status.account() + ": " + session.state());
            out.println("  logged in:   " + TimeFormat.at(session.openedAt()));
            out.println("  renewed:     " + TimeFormat.at(session.renewedAt()));
            out.println("  valid until: " + TimeFormat.at(session.expiresAt()) + " ("
                    + TimeFormat.span(session.timeLeft()) + " left)");
            out.println("  stored in:   " + status.storedIn());
        });
        status.blockedBy().ifPresent(reason -> out.println("  renewal stopped: " + reason));
    }

    /**
     * picocli's tracer ({@code -Dpicocli.trace}) prints every argument as typed, values of options such
     * as {@code --set SMARTAPI_PIN=...} included, and cannot be masked: the CLI turns it off and says so.
     */
    private static void silencePicocliTrace(PrintWriter err) {
        if (System.getProperty("picocli.trace") != null) {
            System.clearProperty("picocli.trace");
            err.println("warning: picocli.trace was turned off: picocli's trace prints every argument, secrets included;"
                    + " use --debug instead");
        }
    }

    private static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("  0", "success");
        codes.put("  1", "failure: the broker refused, the network or the store failed, no session");
        codes.put("  2", "usage or configuration error (nothing was sent to the broker)");
        return codes;
    }

    /** Every command's --help lists the exit codes. */
    private static void listExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        command.getSubcommands().values().forEach(SmartApiAuthCli::listExitCodes);
    }

    static int exitCodeOf(Throwable error) {
        if (error instanceof ConfigurationException || error instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return FAILED;
    }

    private static void report(PrintWriter err, Throwable error, boolean debug) {
        err.println("error: " + describe(error));
        if (debug) {
            for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
                err.println("  caused by " + cause.getClass().getName() + ": " + cause.getMessage());
            }
            if (error instanceof SmartApiAuthException known) {
                known.brokerCode().ifPresent(code -> err.println("  broker code: " + code));
            }
        }
    }

    private static String describe(Throwable error) {
        if (error instanceof SmartApiAuthException || error instanceof CommandLine.ParameterException) {
            return error.getMessage(); // the CLI's own messages: they name the problem and the fix, no secret
        }
        return "unexpected " + error.getClass().getSimpleName() + (error.getMessage() == null ? ""
                : ": " + error.getMessage()) + " (run with --debug and report it)";
    }

    /** The status as JSON. */
    static final class StatusJson {

        private StatusJson() {
        }

        static Json of(SessionStatus status) {
            Json json = new Json().put("account", status.account().value()).put("storedIn", status.storedIn());
            status.session().ifPresentOrElse(session -> json
                            .put("state", session.state().name())
                            .put("openedAt", session.openedAt().toString())
                            .put("renewedAt", session.renewedAt().toString())
                            .put("expiresAt", session.expiresAt().toString())
                            .put("secondsLeft", session.timeLeft().getSeconds()),
                    () -> json.put("state", status.storeProblem().isPresent() ? "UNREADABLE" : "NONE"));
            json.put("renewalStoppedBy", status.blockedBy().orElse(null));
            json.put("storeProblem", status.storeProblem().map(Throwable::getMessage).orElse(null));
            return json;
        }
    }

}
