package io.predictionbatch.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code models}: the models this installation hosts, with the fields they read and write. */
@Component
@Command(name = "models", mixinStandardHelpOptions = true, description = {
        "Lists the hosted models: their fields and where each comes from (the class path, or a package of the"
                + " models directory, --models-dir, default ./models).",
        "A model or package that cannot be hosted is named on stderr with the reason, and the exit code is 1."})
class ModelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final ModelRegistry models;

    ModelsCommand(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (HostedModel<?, ?> model : models.available()) {
            out.printf("%s %s: %s%n", model.qualifiedName(), model.version(), model.model().displayName());
            out.printf("  %s%n", model.model().description());
            out.printf("  from:          %s%n", model.source());
            out.printf("  input fields:  %s%n", String.join(", ", model.binder().fieldNames()));
            out.printf("  output fields: %s%n", String.join(", ", model.outputFields().fieldNames()));
        }
        List<String> failures = models.failures();
        failures.forEach(failure -> spec.commandLine().getErr().println("not hosted: " + failure));
        return failures.isEmpty() ? 0 : 1;
    }
}
