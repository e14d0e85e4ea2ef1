package io.predictionbatch.model.binding;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for any library's {@code @Nullable}: only the simple name matters. */
@Retention(RetentionPolicy.RUNTIME)
@interface Nullable {
}
