package io.casedesk.cases.bundle;

import java.util.List;

/** An import bundle that cannot be imported; carries every problem found, so one round trip fixes them all. */
public class InvalidBundleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    public InvalidBundleException(List<BundleProblem> problems) {
        super(problems.size() + " problem(s) in the import bundle");
        this.problems = List.copyOf(problems);
    }

    public List<BundleProblem> problems() {
        return problems;
    }
}
