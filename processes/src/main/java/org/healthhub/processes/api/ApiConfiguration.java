package org.healthhub.processes.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the HealthHub REST API ({@code /v3/api-docs}, {@code /swagger-ui.html}); its login is in {@code security/}. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

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
