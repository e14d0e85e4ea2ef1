package io.predictionbatch.app.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.predictionbatch.app.config.ApiProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
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

    /** Only with a token does the API answer beyond this machine; on loopback the token is optional. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ApiProperties properties,
            @Value("${server.address:}") String address) {
        if (!properties.hasToken() && !isLoopback(address)) {
            throw new ServerSetupException("serve listens on " + address + ", which other machines reach, only with"
                    + " a token: set PREDICTION_SERVER_TOKEN (clients send Authorization: Bearer TOKEN), or listen on"
                    + " 127.0.0.1", null);
        }
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                new BearerTokenFilter(properties.hasToken() ? properties.token() : ""));
        registration.addUrlPatterns("/api/*");
        registration.setEnabled(properties.hasToken());
        return registration;
    }

    private static boolean isLoopback(String address) {
        try {
            return !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ServerSetupException("Cannot listen on '" + address + "': no such address", e);
        }
    }

    @Bean
    OpenAPI predictionBatchApi() {
        return new OpenAPI().info(new Info().title("Prediction Batch API").version("0.1.0").description(
                "Batch jobs (launch, follow, stop, restart, rejected records), single-record prediction tasks (submit,"
                        + " poll, get, cancel) and synchronous predictions with the hosted models. Errors are RFC 9457"
                        + " problem details."));
    }
}
