package io.predictionbatch.app.config;

import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out, in a process that serves no HTTP (every command but {@code serve}), the
 * auto-configuration that only an HTTP server has a use for: the actuator's endpoints and health
 * contributors, the meter and observation registries they publish, Spring MVC, Tomcat, the
 * OpenAPI description. Spring Boot would parse all of it and build most of it at every start:
 * leaving it out took a 150-row command from 2.58 to 2.15 s wall and 3.65 to 3.18 s CPU (six
 * rounds each). Spring Batch and the model registry do without the registries (their no-op
 * ones).
 *
 * <p>A process serves HTTP unless {@code spring.main.web-application-type} is {@code none}, which
 * the command line sets for every command but {@code serve}; so a test's or an IDE's application
 * context, which does not set it, keeps everything.
 */
public final class HttpOnlyAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    public static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

    private static final List<String> HTTP_ONLY_PACKAGES = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.micrometer.",
            "org.springframework.boot.webmvc.", "org.springframework.boot.servlet.", "org.springframework.boot.tomcat.",
            "org.springframework.boot.http.", "org.springdoc.");
    /** Packages of other modules' parts for the same: {@code org.springframework.boot.jdbc.autoconfigure.health}. */
    private static final Set<String> HTTP_ONLY_SEGMENTS = Set.of("actuate", "health", "metrics", "observation");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        // Bound as Spring Boot binds it for SpringApplication: "none" as well as "NONE".
        boolean servesHttp = Binder.get(environment).bind(WEB_APPLICATION_TYPE, WebApplicationType.class)
                .orElse(WebApplicationType.SERVLET) != WebApplicationType.NONE;
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = servesHttp || candidate == null || !httpOnly(candidate);
        }
        return matches;
    }

    static boolean httpOnly(String autoConfigurationClass) {
        if (HTTP_ONLY_PACKAGES.stream().anyMatch(autoConfigurationClass::startsWith)) {
            return true;
        }
        String[] names = autoConfigurationClass.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            if (HTTP_ONLY_SEGMENTS.contains(names[i])) {
                return true;
            }
        }
        return false;
    }
}
