package io.predictionbatch.app.cli;

import java.util.OptionalInt;
import java.util.Set;

import org.springframework.objenesis.Objenesis;
import org.springframework.objenesis.ObjenesisStd;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Answers {@code --help}, {@code --version} and {@code help} before any application context
 * starts. They need no service: built in the context, they failed in distributed mode when Redis
 * was out of reach, started the home's database server in embedded mode (which then ran on for its
 * idle timeout), and took a second where they take a fraction of it.
 *
 * <p>The commands are Spring beans built with their collaborators; to print their help, picocli
 * needs only their annotations, so instances made without a constructor call do (the descriptions
 * carry the defaults as text). Anything else the arguments ask for goes to the application, which
 * also reports an argument it does not know, as before.
 */
public final class HelpAndVersion {

    /** What a request for help or version holds: picocli's standard options and its help command. */
    private static final Set<String> HELP_WORDS = Set.of("-h", "--help", "-V", "--version", "help");

    private HelpAndVersion() {
    }

    /** Prints the help or version that the arguments ask for, with its exit code; empty when they ask for more. */
    public static OptionalInt answer(String[] args) {
        if (!mentionsHelp(args)) {
            return OptionalInt.empty(); // the usual case, at no cost: no command line built
        }
        String[] commandArgs = CommandLineEntryPoint.commandArguments(args);
        CommandLine commandLine = new CommandLine(PredictionBatchCommand.class, new AnnotationsOnlyFactory());
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(commandArgs);
        } catch (ParameterException e) {
            return OptionalInt.empty();
        }
        return asksForHelp(parsed) ? OptionalInt.of(commandLine.execute(commandArgs)) : OptionalInt.empty();
    }

    private static boolean mentionsHelp(String[] args) {
        for (String arg : args) {
            if (HELP_WORDS.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksForHelp(ParseResult parsed) {
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            if (command.isUsageHelpRequested() || command.isVersionHelpRequested()
                    || command.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
        }
        return false;
    }

    /** Picocli's own factory, and for a command that has no constructor without arguments, a bare instance. */
    private static final class AnnotationsOnlyFactory implements IFactory {
        private final IFactory plain = CommandLine.defaultFactory();
        private final Objenesis bare = new ObjenesisStd();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return plain.create(type);
            } catch (Exception noConstructorWithoutArguments) {
                return bare.newInstance(type);
            }
        }
    }
}
