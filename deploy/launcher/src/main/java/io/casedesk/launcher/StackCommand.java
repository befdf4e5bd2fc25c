package io.casedesk.launcher;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command of {@code ./casedesk} has: the stack it works on, its output, and a way to refuse its arguments. */
abstract class StackCommand implements Callable<Integer> {

    @ParentCommand
    private Casedesk root;

    @Spec
    private CommandSpec spec;

    StackSettings settings() {
        return root.settings();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A mistake in the command line: told on stderr with the command's usage, exit code 2. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
