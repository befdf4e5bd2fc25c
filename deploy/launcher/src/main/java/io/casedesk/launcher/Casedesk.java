package io.casedesk.launcher;

import io.casedesk.infra.Directories;
import io.casedesk.infra.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code ./casedesk} command: {@code up [--detach]}, {@code down [--wipe]}, {@code status} and
 * {@code say <customerRef|lineUserId> <text>}, {@code mail} and {@code replay}.
 */
public final class Casedesk {

    private static final String STATE_FILE = "stack.properties";

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("casedesk.repository", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(repository);
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        int exit;
        try {
            exit = switch (command) {
                case "up" -> rest.contains("--detach") ? upDetached(settings) : up(settings);
                case "down" -> down(settings, rest.contains("--wipe"));
                case "status" -> status(settings);
                case "say" -> say(settings, rest);
                case "mail" -> mail(settings, rest);
                case "replay" -> ReplayCommand.main(settings, rest);
                default -> help();
            };
        } catch (RuntimeException e) {
            System.err.println("casedesk " + command + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static int help() {
        System.out.println("""
                Usage: ./casedesk <command>
                  up [--detach]        build what is missing, start the whole system with the demo firm
                  down [--wipe]        stop it (--wipe also deletes all local data in .casedesk/)
                  status               health and memory of every part
                  say <who> <text>     write on LINE as a demo customer (C-1001) or any LINE user id (U...),
                                       and print the bot's replies
                  mail <from> <subject> <text>
                                       email the firm from an address (a demo customer's or any other)
                                       and print the answer that arrives in that address's mailbox
                  """ + "  " + ReplayOptions.USAGE.replace("\n", "\n  "));
        return 2;
    }

    /** Starts the stack in the foreground; Ctrl-C stops it. */
    private static int up(StackSettings settings) {
        if (runningSupervisor(settings).isPresent()) {
            System.out.println("CaseDesk is already running; ./casedesk status shows it, ./casedesk down stops it.");
            return 1;
        }
        Instant started = Instant.now();
        LocalStack stack = LocalStack.start(settings, demoBundle(settings.repository()), System.out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping CaseDesk ...");
            stack.close();
            deleteState(settings);
            stopped.countDown();
        }, "casedesk-stop"));
        writeState(settings, stack.pids());
        System.out.println();
        System.out.printf("CaseDesk is up (healthy after %d s).%n%n", Duration.between(started, Instant.now()).toSeconds());
        printWhereThingsAre(settings);
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the stack in a background process of its own and returns once it is healthy. */
    private static int upDetached(StackSettings settings) {
        if (runningSupervisor(settings).isPresent()) {
            System.out.println("CaseDesk is already running.");
            return 1;
        }
        try {
            Files.createDirectories(settings.logs());
            Path log = settings.logs().resolve("casedesk.log");
            List<String> command = new ArrayList<>(List.of("setsid",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dcasedesk.repository=" + settings.repository(),
                    "-cp", System.getProperty("java.class.path"), Casedesk.class.getName(), "up"));
            Process supervisor = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            System.out.println("Starting CaseDesk in the background; progress in " + log);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            while (Instant.now().isBefore(deadline)) {
                if (!supervisor.isAlive()) {
                    System.err.println("CaseDesk did not start; see " + log);
                    return 1;
                }
                if (Files.exists(settings.home().resolve(STATE_FILE))) {
                    printWhereThingsAre(settings);
                    return 0;
                }
                Thread.sleep(500);
            }
            System.err.println("CaseDesk is not healthy after 6 minutes; see " + log);
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int down(StackSettings settings, boolean wipe) {
        Optional<ProcessHandle> supervisor = runningSupervisor(settings);
        if (supervisor.isPresent()) {
            System.out.println("Stopping CaseDesk ...");
            supervisor.get().destroy();
            try {
                supervisor.get().onExit().get(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (Exception e) {
                System.err.println("CaseDesk did not stop within 2 minutes: " + e.getMessage());
                return 1;
            }
            System.out.println("Stopped.");
        } else {
            System.out.println("CaseDesk is not running.");
        }
        if (wipe) {
            Directories.deleteRecursively(LocalPostgres.homeFor(settings.home().resolve("postgres")));
            Directories.deleteRecursively(settings.home());
            System.out.println("Deleted " + settings.home());
        }
        return 0;
    }

    private static int status(StackSettings settings) {
        Properties state = readState(settings);
        if (state == null || runningSupervisor(settings).isEmpty()) {
            System.out.println("CaseDesk is not running. Start it with ./casedesk up");
            return 1;
        }
        Map<String, String> health = new LinkedHashMap<>();
        health.put("line-simulator", settings.simulatorUrl() + "/simulator/health");
        LocalStack.SERVICES.forEach(s -> health.put(s, "http://127.0.0.1:" + state.getProperty("port." + s) + "/q/health/ready"));
        System.out.printf("%-16s %-8s %8s %10s  %s%n", "part", "health", "pid", "RSS (MiB)", "address");
        boolean allUp = true;
        for (String name : state.stringPropertyNames().stream().filter(k -> k.startsWith("pid.")).sorted()
                .map(k -> k.substring(4)).toList()) {
            long pid = Long.parseLong(state.getProperty("pid." + name));
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            String url = health.get(name);
            boolean up = alive && (url == null || ManagedProcess.isHealthy(url));
            allUp &= up;
            String address = url != null ? url.replaceAll("/(q|simulator)/health.*", "")
                    : name.equals("kafka") ? settings.kafkaBootstrap() : settings.jdbcUrl("cases");
            System.out.printf("%-16s %-8s %8d %10s  %s%n", name, up ? "UP" : "DOWN", pid, rssMib(pid), address);
        }
        return allUp ? 0 : 1;
    }

    private static int say(StackSettings settings, List<String> args) {
        if (args.size() < 2) {
            return help();
        }
        String who = args.get(0);
        String text = String.join(" ", args.subList(1, args.size()));
        String body = SayResult.request(who, text);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(settings.simulatorUrl() + "/simulator/say"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .timeout(Duration.ofSeconds(40))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                System.err.println("The simulator answered HTTP " + response.statusCode() + ": " + response.body());
                return 1;
            }
            System.out.println("you (" + who + "): " + text);
            SayResult.print(response.body(), System.out);
            return 0;
        } catch (IOException e) {
            System.err.println("Cannot reach the LINE simulator at " + settings.simulatorUrl() + ": is CaseDesk up?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int mail(StackSettings settings, List<String> args) {
        if (args.size() < 3) {
            return help();
        }
        String from = args.get(0);
        String subject = args.get(1);
        String text = String.join(" ", args.subList(2, args.size()));
        LocalMailClient client = new LocalMailClient(settings.smtpPort(), settings.imapPort());
        try {
            String messageId = client.send(from, subject, text);
            System.out.println("you (" + from + "): " + subject + "\n" + text);
            List<String> answers = client.awaitAnswers(from, messageId, Duration.ofSeconds(40));
            if (answers.isEmpty()) {
                System.out.println("firm: (no answer yet; it may have been handed to a person)");
            }
            answers.forEach(answer -> System.out.println("firm: " + answer));
            return 0;
        } catch (jakarta.mail.MessagingException | IOException e) {
            System.err.println("Cannot reach the local mail server on ports " + settings.smtpPort() + "/"
                    + settings.imapPort() + ": is CaseDesk up? (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void printWhereThingsAre(StackSettings settings) {
        System.out.printf("""
                Open the LINE simulator: %s/
                  (chat as any demo customer in the browser, or: ./casedesk say C-1001 "我想了解目前離婚訴訟案件的進展")

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
                """, settings.simulatorUrl(), settings.simulatorUrl(), settings.ingressLinePort(), settings.ingressEmailPort(),
                settings.classifierPort(), settings.responderPort(), settings.handoffPort(), settings.caseServicePort(),
                settings.kafkaBootstrap(), settings.jdbcUrl("cases"), settings.smtpPort(), settings.imapPort(),
                LocalMailServer.SUPPORT_ADDRESS, settings.home());
    }

    /** The demo firm: the product's copy under deploy/demo-data. */
    static Path demoBundle(Path repository) {
        return repository.resolve("deploy/demo-data/lawfirm-demo.json");
    }

    private static void writeState(StackSettings settings, Map<String, Long> pids) {
        Properties state = new Properties();
        state.setProperty("supervisor", String.valueOf(ProcessHandle.current().pid()));
        pids.forEach((name, pid) -> state.setProperty("pid." + name, String.valueOf(pid)));
        state.setProperty("port.case-service", String.valueOf(settings.caseServicePort()));
        state.setProperty("port.ingress-line", String.valueOf(settings.ingressLinePort()));
        state.setProperty("port.ingress-email", String.valueOf(settings.ingressEmailPort()));
        state.setProperty("port.classifier", String.valueOf(settings.classifierPort()));
        state.setProperty("port.responder", String.valueOf(settings.responderPort()));
        state.setProperty("port.handoff", String.valueOf(settings.handoffPort()));
        try (var out = Files.newBufferedWriter(settings.home().resolve(STATE_FILE))) {
            state.store(out, "CaseDesk local stack: written by ./casedesk up, removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties readState(StackSettings settings) {
        Path file = settings.home().resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            state.load(in);
            return state;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteState(StackSettings settings) {
        try {
            Files.deleteIfExists(settings.home().resolve(STATE_FILE));
        } catch (IOException ignored) {
            // Stale state is recognised by its dead supervisor pid.
        }
    }

    private static Optional<ProcessHandle> runningSupervisor(StackSettings settings) {
        Properties state = readState(settings);
        if (state == null || state.getProperty("supervisor") == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(state.getProperty("supervisor"))).filter(ProcessHandle::isAlive);
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

    private Casedesk() {
    }
}
