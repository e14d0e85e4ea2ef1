package io.predictionbatch.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.predictionbatch.model.registry.ModelLoad;
import io.predictionbatch.model.registry.ModelPackage;
import io.predictionbatch.model.registry.ModelRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One registry a JVM: every partition and task of this process shares its cached models. Each
 * model's load is logged and timed (Prometheus: {@code prediction_model_load_seconds}, per model
 * and version), once, when its first record needs it.
 */
@Configuration(proxyBeanMethods = false)
public class ModelRegistryConfiguration {

    private static final Log log = LogFactory.getLog(ModelRegistryConfiguration.class);

    @Bean
    ModelRegistry modelRegistry(ModelProperties properties, ObjectProvider<MeterRegistry> meters) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        return ModelRegistry.create(properties.models().stream().map(ModelProperties.Model::className).toList(),
                application, ModelPackage.scan(properties.modelsDir(), application),
                load -> loaded(load, meters.getIfAvailable()));
    }

    private static void loaded(ModelLoad load, MeterRegistry meters) {
        log.info("Loaded model " + load.qualifiedName() + "@" + load.version() + " (" + load.source() + ") in "
                + load.time().toMillis() + " ms");
        if (meters != null) {
            Timer.builder("prediction.model.load").description("Time a model took to load, from its creation to"
                    + " its types bound").tags("model", load.qualifiedName(), "version", load.version())
                    .register(meters).record(load.time());
        }
    }
}
