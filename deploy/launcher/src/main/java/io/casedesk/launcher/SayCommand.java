package io.casedesk.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code ./casedesk say}: writes on LINE through the simulator and prints the bot's replies. */
@Command(name = "say", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = "Write on LINE as a customer of the firm (C-1001) or any LINE user id (U...), "
        + "and print the bot's replies.")
final class SayCommand extends StackCommand {

    @Parameters(index = "0", paramLabel = "WHO", description = "a customer ref (C-1001) or a LINE user id (U and 32 hex digits)")
    String who;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "the message (or --file)")
    List<String> words;

    @Option(names = "--file", paramLabel = "FILE",
            description = "send a file instead (an image, video or audio as LINE sends those, anything else as a file message)")
    Path file;

    @Override
    public Integer call() {
        if ((words == null || words.isEmpty()) == (file == null)) {
            throw usageError("Give the message as TEXT, or --file FILE (not both)");
        }
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        String said;
        String request;
        try {
            if (file != null) {
                said = "[file " + file.getFileName() + "]";
                request = SayResult.fileRequest(who, file);
            } else {
                said = String.join(" ", words);
                request = SayResult.request(who, said);
            }
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(settings.simulatorUrl() + "/simulator/say"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .timeout(Duration.ofSeconds(40))
                            .POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                err.println("The simulator answered HTTP " + response.statusCode() + ": " + response.body());
                return 1;
            }
            out.println("you (" + who + "): " + said);
            SayResult.print(response.body(), out);
            return 0;
        } catch (IOException e) {
            err.println("Cannot reach the LINE simulator at " + settings.simulatorUrl() + ": is CaseDesk up?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
