package io.casedesk.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code ./casedesk} command: {@code up}, {@code down}, {@code status}, {@code say}, {@code mail},
 * {@code replay}, {@code probe} and {@code help}. Exit codes: 0 done, 1 failed, 2 the command line is wrong (said on
 * stderr, with the usage). {@code ./casedesk test} never reaches it: the script runs Maven itself.
 */
@Command(name = "./casedesk", mixinStandardHelpOptions = true,
        versionProvider = Casedesk.Version.class,
        description = "CaseDesk on this machine: Kafka, PostgreSQL, a mail server, the LINE simulator and every service, "
                + "with the demo firm or your own.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SayCommand.class, MailCommand.class,
                ReplayCommand.Cli.class, ProbeCommand.class, BenchCommand.class, HelpCommand.class},
        footerHeading = "%n",
        footer = {"Also (run by the ./casedesk script itself):",
                "  test    Run every test: install what the tests need besides a JDK",
                "            (chromium, chromedriver, kubectl), then ./mvnw -B verify with",
                "            the arguments given: test [MAVEN ARGS...]",
                "",
                "Exit codes: 0 done, 1 failed, 2 wrong command line.",
                "./casedesk help COMMAND (or COMMAND --help) tells more about one command."})
public final class Casedesk implements Callable<Integer> {

    private final StackSettings settings;

    @Spec
    private CommandSpec spec;

    Casedesk(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("casedesk.repository", ".")).toAbsolutePath().normalize();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(StackSettings.defaults(repository), out, err, args));
    }

    /** Runs one command line against {@code settings}; returns its exit code. */
    static int execute(StackSettings settings, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Casedesk(settings));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((mistake, arguments) -> {
            // What is wrong, what was probably meant, and how the command is written: all on stderr.
            CommandLine wrong = mistake.getCommandLine();
            wrong.getErr().println(mistake.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(mistake, wrong.getErr());
            wrong.getErr().println();
            wrong.usage(wrong.getErr());
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            // A failure is told in one line; a stack trace helps nobody who typed a command.
            failed.getErr().println("casedesk " + failed.getCommandName() + ": " + exception.getMessage());
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** Without a command there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Which command? One of: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    StackSettings settings() {
        return settings;
    }

    /** The demo firm: the product's copy under deploy/demo-data. */
    static Path demoBundle(Path repository) {
        return repository.resolve("deploy/demo-data/lawfirm-demo.json");
    }

    /** Resident memory of a process from /proc, in MiB. */
    static String rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.valueOf(kib / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process is gone.
        }
        return "-";
    }

    /** {@code --version}: the version Maven wrote into the launcher's resources when it was built. */
    static final class Version implements CommandLine.IVersionProvider {

        static final String RESOURCE = "/io/casedesk/launcher/casedesk-version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"CaseDesk " + version(), "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = Casedesk.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return "(unknown: the launcher was not built by Maven)";
                }
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                return properties.getProperty("version", "(unknown)");
            } catch (IOException e) {
                return "(unknown)";
            }
        }
    }
}
