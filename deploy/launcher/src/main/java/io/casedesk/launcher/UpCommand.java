package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code ./casedesk up}: the whole system on this machine, in the foreground (Ctrl-C stops it) or detached. */
@Command(name = "up", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = {"Start the whole system with a firm (the demo firm unless --bundle) and wait until "
        + "every part is healthy. Ctrl-C stops it.",
        "The ./casedesk script builds what is missing first."})
final class UpCommand extends StackCommand {

    @Option(names = "--detach", description = "start in the background and return once healthy (stop it with down)")
    boolean detach;

    @Option(names = "--odoo", description = "also an Odoo stand-in holding the firm as Odoo records, synced by the "
            + "odoo-connector")
    boolean odoo;

    @Option(names = "--bundle", paramLabel = "FILE", description = "import this firm's bundle instead of the demo firm "
            + "(its customers are also the LINE simulator's users); refused when .casedesk/ holds another firm's data")
    Path bundle;

    @Option(names = "--clock", paramLabel = "TIME", description = "the business time every service starts at and runs "
            + "on from, for records written for a date: 2026-12-07T09:30 (the firm's time zone) or "
            + "2026-12-07T09:30:00+08:00")
    String clock;

    @Override
    public Integer call() {
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        Path bundleFile = bundle == null ? Casedesk.demoBundle(settings.repository()) : bundle.toAbsolutePath().normalize();
        if (!Files.isRegularFile(bundleFile)) {
            throw usageError("--bundle " + bundle + ": no such file");
        }
        JsonNode firmBundle = Bundles.read(bundleFile);
        String firm = Bundles.firmName(firmBundle, bundleFile.toString());
        OffsetDateTime at;
        try {
            at = clock == null ? null : Bundles.clock(clock, Bundles.firmZone(firmBundle));
        } catch (IllegalArgumentException e) {
            throw usageError("--clock " + e.getMessage());
        }
        StackState state = new StackState(settings);
        if (state.runningSupervisor().isPresent()) {
            err.println("CaseDesk is already running: ./casedesk status shows it, ./casedesk down stops it.");
            return 1;
        }
        List<StackState.Part> leftovers = state.leftovers();
        if (!leftovers.isEmpty()) {
            err.println("Processes of an earlier CaseDesk are still running (" + String.join(", ",
                    leftovers.stream().map(p -> p.name() + " " + p.pid()).toList()) + "): ./casedesk down stops them.");
            return 1;
        }
        Optional<StackState.Firm> data = state.firmOfData();
        if (data.isPresent() && !data.get().name().equals(firm)) {
            err.printf("%s holds the records of another firm, %s%s, not of %s.%n"
                            + "Start that firm again with ./casedesk up --bundle %s, or delete its data first with "
                            + "./casedesk down --wipe.%n", settings.home(), data.get().name(),
                    data.get().bundle() == null ? "" : " (imported from " + data.get().bundle() + ")", firm,
                    data.get().bundle() == null ? "<its bundle>" : data.get().bundle());
            return 1;
        }
        StackOptions options = new StackOptions(bundleFile, odoo, at);
        return detach ? upDetached(settings, options, out, err) : up(settings, options, firm, out);
    }

    /** Starts the stack in the foreground; Ctrl-C stops it. */
    private static int up(StackSettings settings, StackOptions options, String firm, PrintWriter out) {
        Instant started = Instant.now();
        StackState state = new StackState(settings);
        LocalStack stack = LocalStack.start(settings, options, out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping CaseDesk ...");
            stack.close();
            state.delete();
            stopped.countDown();
        }, "casedesk-stop"));
        state.markFirm(firm, options.bundle());
        state.write(stack.pids(), options, firm);
        // A part started again has a new pid: status, bench and down read it from the state file.
        stack.afterEachRestart(() -> state.write(stack.pids(), options, firm));
        out.println();
        out.printf("CaseDesk is up with %s (healthy after %d s).%n%n", firm,
                Duration.between(started, Instant.now()).toSeconds());
        printWhereThingsAre(settings, options, out);
        if (stack.odoo()) {
            out.println(OdooDemo.whereThingsAre(stack.odooStandInPort(), stack.odooConnectorPort()));
        }
        out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the stack in a background process of its own and returns once it is healthy. */
    private static int upDetached(StackSettings settings, StackOptions options, PrintWriter out, PrintWriter err) {
        StackState state = new StackState(settings);
        try {
            Files.createDirectories(settings.logs());
            Path log = settings.logs().resolve("casedesk.log");
            List<String> command = new ArrayList<>(List.of("setsid",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dcasedesk.repository=" + settings.repository(),
                    "-cp", System.getProperty("java.class.path"), Casedesk.class.getName(), "up",
                    "--bundle", options.bundle().toString()));
            if (options.odoo()) {
                command.add("--odoo");
            }
            if (options.clock() != null) {
                command.addAll(List.of("--clock", options.clock().toString()));
            }
            Process supervisor = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            out.println("Starting CaseDesk in the background; progress in " + log);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            while (Instant.now().isBefore(deadline)) {
                if (!supervisor.isAlive()) {
                    err.println("CaseDesk did not start; see " + log);
                    return 1;
                }
                if (state.exists()) {
                    printWhereThingsAre(settings, options, out);
                    return 0;
                }
                Thread.sleep(500);
            }
            err.println("CaseDesk is not healthy after 6 minutes; see " + log);
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void printWhereThingsAre(StackSettings settings, StackOptions options, PrintWriter out) {
        out.printf("""
                Open the LINE simulator: %s/
                  (chat as any customer of the firm in the browser, or: ./casedesk say C-1001 "我想了解目前離婚訴訟案件的進展")

                  LINE simulator     %s
                  ingress-line       http://127.0.0.1:%d   (LINE webhook: /line/webhook)
                  ingress-email      http://127.0.0.1:%d
                  classifier         http://127.0.0.1:%d
                  responder          http://127.0.0.1:%d
                  handoff            http://127.0.0.1:%d   (agent inbox: /inbox/, sign in as agent1/agent1)
                  case-service       http://127.0.0.1:%d   (API docs: /q/openapi)
                  Kafka              %s
                  PostgreSQL         %s (user postgres)
                  mail server        SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (support mailbox %s;
                                     try: ./casedesk mail chang.chihming@example.com "案件進度" "請問下次開庭是什麼時候？")
                  health, metrics    each service's /q/health and /q/metrics
                  logs, data         %s
                  firm               %s
                  business clock     %s
                """, settings.simulatorUrl(), settings.simulatorUrl(), settings.ingressLinePort(), settings.ingressEmailPort(),
                settings.classifierPort(), settings.responderPort(), settings.handoffPort(), settings.caseServicePort(),
                settings.kafkaBootstrap(), settings.jdbcUrl("cases"), settings.smtpPort(), settings.imapPort(),
                LocalMailServer.SUPPORT_ADDRESS, settings.home(), options.bundle(),
                options.clock() == null ? "real time" : "started at " + options.clock());
    }
}
