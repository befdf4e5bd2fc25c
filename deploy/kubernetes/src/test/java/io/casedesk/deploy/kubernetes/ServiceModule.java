package io.casedesk.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service of CaseDesk as its Maven module describes it: a module of the parent POM that is a Quarkus
 * application, with its {@code application.properties} read the way the {@code prod} profile sees them.
 */
record ServiceModule(String directory, Path root, Map<String, String> prodProperties, String propertiesText) {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** {@code ${NAME}} or {@code ${NAME:default}}: an environment variable the configuration reads. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    /** The repository this module is part of (set by the build; the working directory otherwise). */
    static Path repository() {
        String configured = System.getProperty("casedesk.repository");
        Path repository = configured != null ? Path.of(configured) : Path.of("../..");
        return repository.toAbsolutePath().normalize();
    }

    /** Every Quarkus application among the parent POM's modules. */
    static List<ServiceModule> all() {
        Path repository = repository();
        Matcher modules = MODULE.matcher(read(repository.resolve("pom.xml")));
        List<ServiceModule> services = new java.util.ArrayList<>();
        while (modules.find()) {
            Path root = repository.resolve(modules.group(1).trim());
            if (read(root.resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                services.add(load(modules.group(1).trim(), root));
            }
        }
        return services;
    }

    /**
     * The modules an overlay runs: every one without a component of its own, and those whose component the overlay
     * includes (see {@link #component()}).
     */
    static List<ServiceModule> deployedIn(Manifests manifests) {
        return all().stream().filter(m -> m.component().map(manifests::includesComponent).orElse(true)).toList();
    }

    private static ServiceModule load(String directory, Path root) {
        String text = read(root.resolve("src/main/resources/application.properties"));
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries(text)) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (!key.startsWith("%")) {
                plain.put(key, value);
            } else {
                String profiles = key.substring(1, key.indexOf('.'));
                if (List.of(profiles.split(",")).contains("prod")) {
                    prod.put(key.substring(key.indexOf('.') + 1), value);
                }
            }
        }
        Map<String, String> effective = new LinkedHashMap<>(plain);
        effective.putAll(prod);
        return new ServiceModule(directory, root, effective, text);
    }

    /** The application's name: its Deployment, Service and image are called so. */
    String name() {
        return property("quarkus.application.name");
    }

    /**
     * The kustomize component that deploys this module, {@code deploy/kubernetes/components/<module directory>}, if
     * there is one. Such a module is opt-in (the Odoo connector runs only for a firm whose cases are in Odoo): the
     * base and the shipped overlays leave it out, and an overlay runs it by including the component.
     */
    Optional<Path> component() {
        Path component = repository().resolve("deploy/kubernetes/components").resolve(directory);
        return Files.isDirectory(component) ? Optional.of(component) : Optional.empty();
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    private String property(String key) {
        String value = prodProperties.get(key);
        if (value == null) {
            throw new IllegalStateException(directory + "/src/main/resources/application.properties has no " + key);
        }
        return value;
    }

    /** Environment variables the prod configuration reads without a default: the Deployment must set them. */
    Set<String> requiredVariables() {
        Set<String> required = new TreeSet<>();
        for (String value : prodProperties.values()) {
            Matcher variable = VARIABLE.matcher(value);
            while (variable.find()) {
                if (variable.group(2).isEmpty()) {
                    required.add(variable.group(1));
                }
            }
        }
        return required;
    }

    /** Every environment variable named in the configuration, in any profile. */
    Set<String> referencedVariables() {
        Set<String> referenced = new TreeSet<>();
        for (String line : propertiesText.split("\n")) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                referenced.add(variable.group(1));
            }
        }
        return referenced;
    }

    /** Property names in any profile, in their environment-variable form ({@code casedesk.a-b.c} is CASEDESK_A_B_C). */
    Set<String> propertiesAsVariables() {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, String> entry : entries(propertiesText)) {
            String key = entry.getKey();
            if (key.startsWith("%")) {
                key = key.substring(key.indexOf('.') + 1);
            }
            names.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        return names;
    }

    /** The prefixes of the module's {@code @ConfigMapping} interfaces, in environment-variable form. */
    Set<String> configMappingPrefixes() {
        Pattern mapping = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
        Set<String> prefixes = new TreeSet<>();
        try (var sources = Files.walk(root.resolve("src/main/java"))) {
            sources.filter(f -> f.toString().endsWith(".java")).forEach(source -> {
                Matcher matcher = mapping.matcher(read(source));
                while (matcher.find()) {
                    prefixes.add(matcher.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase() + "_");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sources of " + directory, e);
        }
        return prefixes;
    }

    /** Whether the service talks to Kafka. */
    boolean usesKafka() {
        return propertiesText.contains("connector=smallrye-kafka");
    }

    /** Whether the service has a database. */
    boolean usesDatabase() {
        return prodProperties.containsKey("quarkus.datasource.db-kind");
    }

    /** The consumer group of the channel that reads {@code topic} with a fixed group id, if there is one. */
    Optional<String> consumerGroupOf(String topic) {
        for (Map.Entry<String, String> property : prodProperties.entrySet()) {
            String key = property.getKey();
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && property.getValue().equals(topic)) {
                String channel = key.substring(0, key.length() - ".topic".length());
                String group = prodProperties.get(channel + ".group.id");
                if (group != null && !group.contains("${")) {
                    return Optional.of(group);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code key=value} lines of a properties text, in order (no continuation lines are used). */
    private static List<Map.Entry<String, String>> entries(String text) {
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && equals > 0) {
                entries.add(Map.entry(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim()));
            }
        }
        return entries;
    }

    Path dockerfile() {
        return root.resolve("src/main/docker/Dockerfile.jvm");
    }

    @Override
    public String toString() {
        return directory;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
