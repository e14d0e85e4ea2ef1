package io.predictionbatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class HttpOnlyAutoConfigurationFilterTest {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        null, // already left out by an earlier filter
        "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        "org.springdoc.core.configuration.SpringDocConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
    };

    @Test
    void aProcessThatServesNoHttpLeavesOutWhatOnlyAnHttpServerUses() {
        boolean[] matches = filter("none").match(CANDIDATES, null);

        assertThat(matches).containsExactly(true, true, true, true, true,
                false, false, false, false, false, false, false, false, false);
    }

    @Test
    void aServerAndAnApplicationContextThatSaysNothingKeepEverything() {
        assertThat(filter("servlet").match(CANDIDATES, null)).containsOnly(true);
        assertThat(filter(null).match(CANDIDATES, null)).containsOnly(true);
    }

    private static HttpOnlyAutoConfigurationFilter filter(String webApplicationType) {
        MockEnvironment environment = new MockEnvironment();
        if (webApplicationType != null) {
            environment.setProperty(HttpOnlyAutoConfigurationFilter.WEB_APPLICATION_TYPE, webApplicationType);
        }
        HttpOnlyAutoConfigurationFilter filter = new HttpOnlyAutoConfigurationFilter();
        filter.setEnvironment(environment);
        return filter;
    }
}
