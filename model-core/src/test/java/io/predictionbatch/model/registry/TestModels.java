package io.predictionbatch.model.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.predictionbatch.model.MLModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Small models the registry tests host; each records its creation so tests can count them. */
public final class TestModels {

    /** Qualified names of the models created, in creation order. */
    static final List<String> CREATED = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILING_ATTEMPTS = new AtomicInteger();

    private TestModels() {
    }

    static void reset() {
        CREATED.clear();
        FAILING_ATTEMPTS.set(0);
    }

    public record Measurement(@JsonProperty("value") double value) {
    }

    public record Score(@JsonProperty("score") double score) {
    }

    /** The boilerplate of a model; subclasses only pick a name. */
    public abstract static class SimpleModel implements MLModel<Measurement, Score> {
        private final String name;

        protected SimpleModel(String name) {
            this.name = name;
            CREATED.add(name);
        }

        @Override
        public String qualifiedName() {
            return name;
        }

        @Override
        public String displayName() {
            return "Test " + name;
        }

        @Override
        public String description() {
            return "A test model";
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public Class<Measurement> inputType() {
            return Measurement.class;
        }

        @Override
        public Class<Score> outputType() {
            return Score.class;
        }

        @Override
        public Score predict(Measurement input) {
            return new Score(input.value() * 2);
        }
    }

    public static final class IrisModel extends SimpleModel {
        public IrisModel() {
            super("test_iris");
        }
    }

    public static final class EchoModel extends SimpleModel {
        public EchoModel() {
            super("echo");
        }
    }

    public static final class ThirdModel extends SimpleModel {
        public ThirdModel() {
            super("third.model-v2");
        }
    }

    public static final class DiscoveredModel extends SimpleModel {
        public DiscoveredModel() {
            super("discovered");
        }
    }

    /** Takes long to load, so that concurrent lookups overlap. */
    public static final class SlowModel extends SimpleModel {
        public SlowModel() {
            super("slow");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static final class FailingModel extends SimpleModel {
        public FailingModel() {
            super(fail());
        }

        private static String fail() {
            FAILING_ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("model file failing.model is missing");
        }
    }

    public static final class BadNameModel extends SimpleModel {
        public BadNameModel() {
            super("Iris Model");
        }
    }

    public static final class DotDotModel extends SimpleModel {
        public DotDotModel() {
            super("..");
        }
    }

    /** Same qualified name and version as {@link IrisModel}. */
    public static final class OtherIrisModel extends SimpleModel {
        public OtherIrisModel() {
            super("test_iris");
        }
    }

    /** A newer version of {@link IrisModel}: 1.10 comes after 1.9 and 1.0. */
    public static final class NewerIrisModel extends SimpleModel {
        public NewerIrisModel() {
            super("test_iris");
        }

        @Override
        public String version() {
            return "1.10";
        }
    }

    /** Between {@link IrisModel} and {@link NewerIrisModel}. */
    public static final class MiddleIrisModel extends SimpleModel {
        public MiddleIrisModel() {
            super("test_iris");
        }

        @Override
        public String version() {
            return "1.9";
        }
    }

    public static final class NeedsArgumentModel extends SimpleModel {
        public NeedsArgumentModel(String name) {
            super(name);
        }
    }

    /** A model whose input type cannot be bound. */
    public static final class UnbindableModel implements MLModel<String, Score> {
        @Override
        public String qualifiedName() {
            return "unbindable";
        }

        @Override
        public String displayName() {
            return "Unbindable";
        }

        @Override
        public String description() {
            return "Takes a bare string";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Class<String> inputType() {
            return String.class;
        }

        @Override
        public Class<Score> outputType() {
            return Score.class;
        }

        @Override
        public Score predict(String input) {
            return new Score(0);
        }
    }

    public static final class NotAModel {
    }

    static final class HiddenModel extends SimpleModel {
        HiddenModel() {
            super("hidden");
        }
    }
}
