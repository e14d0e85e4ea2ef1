package io.predictionbatch.model.binding;

import static io.predictionbatch.model.binding.RecordBinderTextTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input types other than a plain record of scalars. */
class RecordBinderTypesTest {

    /** Like JSpecify's: annotates the type, not the declaration. */
    static final class TypeUse {
        @Retention(RetentionPolicy.RUNTIME)
        @Target(ElementType.TYPE_USE)
        @interface Nullable {
        }
    }

    record Note(@JsonProperty("text") @TypeUse.Nullable String text, @JsonProperty("size") int size) {
    }

    /** An immutable class built through an annotated constructor. */
    static final class Sample {
        private final String id;
        private final double value;

        @JsonCreator
        Sample(@JsonProperty("id") String id, @JsonProperty("value") double value) {
            this.id = id;
            this.value = value;
        }
    }

    @JsonPropertyOrder({"b", "a"})
    record Ordered(@JsonProperty("a") int a, @JsonProperty("b") int b) {
    }

    record WithIgnored(@JsonProperty("kept") int kept, @JsonIgnore String ignored) {
    }

    record Big(@JsonProperty("n") BigInteger n) {
    }

    @Test
    void honoursTypeUseNullable() {
        RecordBinder<Note> binder = RecordBinder.forType(Note.class);

        assertThat(binder.bindText(Map.of("size", "3"))).isEqualTo(new Note(null, 3));
        assertThat(violations(() -> binder.bindText(Map.of("text", "x")))).containsExactly("size: is missing");
    }

    @Test
    void bindsThroughJsonCreatorConstructor() {
        Sample sample = RecordBinder.forType(Sample.class).bindJson("{\"id\":\"s1\",\"value\":2.5}");

        assertThat(sample.id).isEqualTo("s1");
        assertThat(sample.value).isEqualTo(2.5);
    }

    @Test
    void honoursExplicitPropertyOrder() {
        assertThat(RecordBinder.forType(Ordered.class).fieldNames()).containsExactly("b", "a");
    }

    @Test
    void leavesIgnoredComponentsOutOfTheFields() {
        RecordBinder<WithIgnored> binder = RecordBinder.forType(WithIgnored.class);

        assertThat(binder.fieldNames()).containsExactly("kept");
        assertThat(binder.bindText(Map.of("kept", "1", "ignored", "x"))).isEqualTo(new WithIgnored(1, null));
    }

    @Test
    void bindsBigIntegerOfAnySizeButNotAbsurdOnes() {
        RecordBinder<Big> binder = RecordBinder.forType(Big.class);

        assertThat(binder.bindJson("{\"n\":123456789012345678901234567890}").n())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(violations(() -> binder.bindText(Map.of("n", "1e99999"))))
                .containsExactly("n: '1e99999' is out of range: more than 1000 digits");
    }
}
