package dev.natconsole.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The title and version other tools see at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI natConsoleOpenApi(@Value("${info.app.version:0.1.0}") String version) {
        return new OpenAPI().info(new Info().title("NAT Console API").version(version)
                .description("Design, apply and watch AWS NAT-instance topologies and compare their cost with a "
                        + "NAT Gateway. Errors are RFC 9457 problem details; validation errors list every bad "
                        + "field in 'errors'."));
    }
}
