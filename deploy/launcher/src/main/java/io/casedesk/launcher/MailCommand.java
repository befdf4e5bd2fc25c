package io.casedesk.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** {@code ./casedesk mail}: emails the firm through the local mail server and prints the answer that arrives. */
@Command(name = "mail", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = "Email the firm from an address (a customer's or any other) through the local "
        + "mail server, and print the answer that arrives in that address's mailbox.")
final class MailCommand extends StackCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "the sender's address")
    String from;

    @Parameters(index = "1", paramLabel = "SUBJECT", description = "the subject")
    String subject;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "TEXT", description = "the message")
    List<String> words;

    @Override
    public Integer call() {
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        String text = String.join(" ", words);
        LocalMailClient client = new LocalMailClient(settings.smtpPort(), settings.imapPort());
        try {
            String messageId = client.send(from, subject, text);
            out.println("you (" + from + "): " + subject + "\n" + text);
            List<String> answers = client.awaitAnswers(from, messageId, Duration.ofSeconds(40));
            if (answers.isEmpty()) {
                out.println("firm: (no answer yet; it may have been handed to a person)");
            }
            answers.forEach(answer -> out.println("firm: " + answer));
            return 0;
        } catch (jakarta.mail.MessagingException | IOException e) {
            err.println("Cannot reach the local mail server on ports " + settings.smtpPort() + "/"
                    + settings.imapPort() + ": is CaseDesk up? (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
