package org.healthhub.processes.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HealthHub REST API ({@code /api}): Basic authentication and its OpenAPI description ({@code /v3/api-docs}, {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  FilterRegistrationBean<ApiAuthentication> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthentication> registration = new FilterRegistrationBean<>(new ApiAuthentication(identityService));
    // Group member lists are public; what is about the signed-in user needs the user.
    registration.addUrlPatterns("/api/records/*", "/api/shares/*", "/api/groups/memberships/*");
    return registration;
  }

  @Bean
  OpenAPI healthHubApi() {
    return new OpenAPI()
        .info(new Info().title("HealthHub API").version("1")
            .description("What is not a task: my records, reading a record I may read, my shares, my group memberships."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
