package io.casedesk.launcher.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A probe file: the firm the probes are written for (its bundle, inline or a path relative to the file), the business
 * time they are written for, and the probes.
 *
 * <pre>{@code
 * {"bundle": "lawfirm-demo.json", "clock": "2026-12-07T09:30:00+08:00",
 *  "probes": [{"id": "status-1", "from": "C-1001", "channel": "line", "text": "我的案子進度如何？",
 *              "expect": {"mustMention": ["2026-FAM-0142", ["林律師", "Attorney Lin"]], "mustNotMention": ["2026-CON-0388"],
 *                         "handoff": false}}]}
 * }</pre>
 *
 * @param bundle    the firm's import bundle
 * @param bundleFile where it was read from; {@code null} when inline
 * @param clock     the business time the expectations are written for; {@code null} for any
 */
public record ProbeFile(Path file, JsonNode bundle, Path bundleFile, OffsetDateTime clock, List<Probe> probes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message and what its answer must hold.
     *
     * @param from     a customer ref of the bundle (C-1001), a LINE user id (U...), an email address, or
     *                 {@code stranger} (a LINE user or address nobody has used, new for each probe; {@code stranger:name}
     *                 is one such writer for all the probes that name it)
     * @param channel  {@code line} or {@code email} (the default: email for an address, else line)
     * @param subject  an email's subject (default: the text's start)
     * @param replyTo  for email: the id of an earlier probe whose thread this mail answers
     * @param handoff  whether a person must be asked to take over; {@code null} when either is right
     */
    public record Probe(String id, String about, String from, String channel, String subject, String replyTo, String text,
                        List<List<String>> mustMention, List<String> mustNotMention, Boolean handoff) {

        public boolean email() {
            return "email".equals(channel);
        }
    }

    public static ProbeFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the probe file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a probe file: a JSON object with bundle, clock and probes");
        }
        JsonNode bundleNode = root.path("bundle");
        JsonNode bundle;
        Path bundleFile = null;
        if (bundleNode.isTextual()) {
            bundleFile = file.toAbsolutePath().getParent().resolve(bundleNode.asText()).normalize();
            try {
                bundle = JSON.readTree(Files.readString(bundleFile));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read its bundle " + bundleFile + ": " + e.getMessage(), e);
            }
        } else if (bundleNode.isObject()) {
            bundle = bundleNode;
        } else {
            throw new IllegalArgumentException(file + ": 'bundle' must be the firm's bundle or its path relative to the file");
        }
        OffsetDateTime clock = null;
        if (root.hasNonNull("clock")) {
            String text = root.path("clock").asText();
            clock = BusinessTime.parse(text, BusinessTime.zoneOf(bundle)).orElseThrow(() -> new IllegalArgumentException(
                    file + ": clock '" + text + "' is not a time such as 2026-12-07T09:30:00+08:00"));
        }
        if (!root.path("probes").isArray() || root.path("probes").isEmpty()) {
            throw new IllegalArgumentException(file + ": 'probes' must be a list of probes");
        }
        List<Probe> probes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.path("probes")) {
            index++;
            Probe probe = probe(file, bundle, node, index);
            if (!ids.add(probe.id())) {
                throw new IllegalArgumentException(file + ": probe id '" + probe.id() + "' is used twice");
            }
            if (probe.replyTo() != null && !ids.contains(probe.replyTo())) {
                throw new IllegalArgumentException(file + ": probe '" + probe.id() + "' answers '" + probe.replyTo()
                        + "', which is not an earlier probe");
            }
            probes.add(probe);
        }
        return new ProbeFile(file, bundle, bundleFile, clock, List.copyOf(probes));
    }

    private static Probe probe(Path file, JsonNode bundle, JsonNode node, int index) {
        String id = node.path("id").asText("probe-" + index);
        String where = file + ": probe '" + id + "'";
        String from = node.path("from").asText("").trim();
        String text = node.path("text").asText("");
        if (from.isEmpty() || text.isBlank()) {
            throw new IllegalArgumentException(where + " needs 'from' and 'text'");
        }
        String channel = node.path("channel").asText(from.contains("@") ? "email" : "line");
        if (!channel.equals("line") && !channel.equals("email")) {
            throw new IllegalArgumentException(where + ": channel must be line or email, not '" + channel + "'");
        }
        if (from.startsWith("C-") && customer(bundle, from) == null) {
            throw new IllegalArgumentException(where + ": the bundle has no customer " + from);
        }
        JsonNode expect = node.path("expect");
        List<List<String>> mustMention = new ArrayList<>();
        for (JsonNode mention : expect.path("mustMention")) {
            List<String> anyOf = new ArrayList<>();
            if (mention.isArray()) {
                mention.forEach(alternative -> anyOf.add(alternative.asText()));
            } else {
                anyOf.add(mention.asText());
            }
            mustMention.add(List.copyOf(anyOf));
        }
        List<String> mustNotMention = new ArrayList<>();
        expect.path("mustNotMention").forEach(m -> mustNotMention.add(m.asText()));
        Boolean handoff = expect.path("handoff").isBoolean() ? expect.path("handoff").asBoolean() : null;
        String subject = node.hasNonNull("subject") ? node.path("subject").asText() : null;
        String replyTo = node.hasNonNull("replyTo") ? node.path("replyTo").asText() : null;
        return new Probe(id, node.path("about").asText(""), from, channel, subject, replyTo, text,
                List.copyOf(mustMention), List.copyOf(mustNotMention), handoff);
    }

    /** The bundle's customer with this ref, or {@code null}. */
    public static JsonNode customer(JsonNode bundle, String ref) {
        for (JsonNode customer : bundle.path("customers")) {
            if (ref.equals(customer.path("ref").asText())) {
                return customer;
            }
        }
        return null;
    }

    /** The firm's name, as the stack records which firm it runs. */
    public String firmName() {
        return bundle.path("firm").path("name").asText("");
    }
}
