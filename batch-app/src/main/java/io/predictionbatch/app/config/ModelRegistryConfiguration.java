package io.predictionbatch.app.config;

import io.predictionbatch.model.registry.ModelPackage;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One registry a JVM: every partition and task of this process shares its cached models. */
@Configuration(proxyBeanMethods = false)
public class ModelRegistryConfiguration {

    @Bean
    ModelRegistry modelRegistry(ModelProperties properties) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        return ModelRegistry.create(properties.models().stream().map(ModelProperties.Model::className).toList(),
                application, ModelPackage.scan(properties.modelsDir(), application));
    }
}
