package io.casedesk.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** {@code ./casedesk say}: writes on LINE through the simulator and prints the bot's replies. */
@Command(name = "say", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = "Write on LINE as a customer of the firm (C-1001) or any LINE user id (U...), "
        + "and print the bot's replies.")
final class SayCommand extends StackCommand {

    @Parameters(index = "0", paramLabel = "WHO", description = "a customer ref (C-1001) or a LINE user id (U and 32 hex digits)")
    String who;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "the message")
    List<String> words;

    @Override
    public Integer call() {
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        String text = String.join(" ", words);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(settings.simulatorUrl() + "/simulator/say"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .timeout(Duration.ofSeconds(40))
                            .POST(HttpRequest.BodyPublishers.ofString(SayResult.request(who, text), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                err.println("The simulator answered HTTP " + response.statusCode() + ": " + response.body());
                return 1;
            }
            out.println("you (" + who + "): " + text);
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
