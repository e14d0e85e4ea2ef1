package io.predictionbatch.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BearerTokenFilterTest {

    private final BearerTokenFilter filter = new BearerTokenFilter("s3cret");

    private MockHttpServletResponse call(String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jobs");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void letsTheTokenThrough() throws Exception {
        assertThat(call("Bearer s3cret").getStatus()).isEqualTo(200);
    }

    @Test
    void answers401WithAProblemOtherwise() throws Exception {
        MockHttpServletResponse missing = call(null);
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.getContentType()).isEqualTo("application/problem+json");
        assertThat(missing.getContentAsString()).contains("requires a token");
        assertThat(call("Bearer wrong").getContentAsString()).contains("not this server's");
        assertThat(call("Basic s3cret").getStatus()).isEqualTo(401);
        assertThat(call("Bearer s3cret-and-more").getStatus()).isEqualTo(401);
    }
}
