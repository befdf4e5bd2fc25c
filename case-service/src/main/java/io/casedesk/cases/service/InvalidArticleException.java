package io.casedesk.cases.service;

import io.casedesk.cases.bundle.BundleProblem;

import java.util.List;

/** An article that cannot be published, with every problem found; nothing was written. */
public class InvalidArticleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    public InvalidArticleException(List<BundleProblem> problems) {
        super(problems.size() + " problem(s) in the article");
        this.problems = List.copyOf(problems);
    }

    public List<BundleProblem> problems() {
        return problems;
    }
}
