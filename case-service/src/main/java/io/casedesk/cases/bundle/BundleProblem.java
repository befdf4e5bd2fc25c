package io.casedesk.cases.bundle;

/**
 * One thing wrong with an import bundle.
 *
 * @param path    where, as a JSONPath into the bundle, e.g. {@code $.cases[3].customerRef}
 * @param message what is wrong, without quoting personal data from the bundle
 */
public record BundleProblem(String path, String message) {
}
