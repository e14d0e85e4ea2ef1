package io.predictionbatch.app.server;

import io.predictionbatch.app.config.ApiProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What only the {@code serve} process has: the API's request limit and its OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ServerConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ApiProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    OpenAPI predictionBatchApi() {
        return new OpenAPI().info(new Info().title("Prediction Batch API").version("0.1.0").description(
                "Single-record prediction tasks (submit, poll, get, cancel) and synchronous predictions with the"
                        + " hosted models. Errors are RFC 9457 problem details."));
    }
}
