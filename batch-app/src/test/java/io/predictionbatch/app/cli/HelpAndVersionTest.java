package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    private final PrintStream console = System.out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(console);
    }

    @Test
    void answersHelpAndVersionOfEveryCommandWithoutTheApplication() {
        assertThat(HelpAndVersion.answer(new String[] {"--version"})).isEqualTo(OptionalInt.of(0));
        assertThat(HelpAndVersion.answer(new String[] {"predict", "--help"})).isEqualTo(OptionalInt.of(0));
        assertThat(HelpAndVersion.answer(new String[] {"help", "worker"})).isEqualTo(OptionalInt.of(0));
        assertThat(HelpAndVersion.answer(new String[] {"--spring.profiles.active=distributed", "serve", "-h"}))
                .isEqualTo(OptionalInt.of(0));

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("prediction-batch 0.1.0")
                .contains("Usage: prediction-batch predict").contains("--chunk-size")
                .contains("Usage: prediction-batch worker")
                .contains("Usage: prediction-batch serve");
    }

    @Test
    void leavesEverythingElseToTheApplication() {
        assertThat(HelpAndVersion.answer(new String[] {})).isEmpty();
        assertThat(HelpAndVersion.answer(new String[] {"predict", "--input", "x.csv", "--model", "iris_model"}))
                .isEmpty();
        assertThat(HelpAndVersion.answer(new String[] {"jobs", "--no-such-option"})).isEmpty();
        assertThat(printed.size()).isZero();
    }
}
