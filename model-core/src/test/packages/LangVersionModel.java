package io.predictionbatch.test.lang;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import io.predictionbatch.model.MLModel;
import org.apache.commons.lang3.StringUtils;

/**
 * A test model deployed as a package with its own copy of commons-lang3: it swaps the case of a
 * text and says which version of the library did it. Its qualified name comes from the package's
 * lang-model.properties, so one source serves two packages.
 */
public class LangVersionModel implements MLModel<LangVersionModel.Input, LangVersionModel.Output> {

    public record Input(String text) {
    }

    public record Output(String text, String library) {
    }

    private final String name;

    public LangVersionModel() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LangVersionModel.class.getResourceAsStream("/lang-model.properties")) {
            properties.load(in);
        }
        name = properties.getProperty("name");
    }

    @Override
    public String qualifiedName() {
        return name;
    }

    @Override
    public String displayName() {
        return "Lang version " + name;
    }

    @Override
    public String description() {
        return "Swaps the case of a text with the package's own commons-lang3";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Output> outputType() {
        return Output.class;
    }

    @Override
    public Output predict(Input input) {
        return new Output(StringUtils.swapCase(input.text()), StringUtils.class.getPackage().getImplementationVersion());
    }
}
