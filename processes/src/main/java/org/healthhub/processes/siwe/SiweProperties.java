package org.healthhub.processes.siwe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-In with Ethereum ({@code healthhub.siwe.*}): what a signed message must name to log in here.
 *
 * @param domain the host (and port) this app is served under, as the wallet shows it
 * @param uri the URI the message must name
 * @param chainId the chain whose accounts log in (the chain DataHub runs on)
 * @param nonceTtl how long an issued nonce stays usable (once)
 */
@ConfigurationProperties("healthhub.siwe")
public record SiweProperties(String domain, String uri, long chainId, @DefaultValue("5m") Duration nonceTtl) {}
