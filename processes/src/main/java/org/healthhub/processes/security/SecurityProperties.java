package org.healthhub.processes.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and input limits ({@code healthhub.security.*}).
 *
 * @param scrapeUsers engine users (besides admins) who may read {@code /actuator/prometheus}
 * @param maxBodyBytes the largest request body {@code /api} and {@code /engine-rest} accept
 * @param maxRecordBytes the largest FHIR record {@code POST /api/records} accepts (UTF-8 bytes)
 * @param maxFields the most variables (form fields) one {@code /engine-rest} variable map may carry
 * @param maxValueChars the longest string value one {@code /engine-rest} request may carry (a form value)
 */
@ConfigurationProperties("healthhub.security")
public record SecurityProperties(
    @DefaultValue List<String> scrapeUsers,
    @DefaultValue("2097152") int maxBodyBytes,
    @DefaultValue("1048576") int maxRecordBytes,
    @DefaultValue("200") int maxFields,
    @DefaultValue("65536") int maxValueChars) {}
