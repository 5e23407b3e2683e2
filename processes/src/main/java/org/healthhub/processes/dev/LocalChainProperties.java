package org.healthhub.processes.dev;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local development chain ({@code healthhub.chain.local.*}).
 *
 * @param enabled start anvil with the app (the embedded default) and stop it with the app
 * @param port the JSON-RPC port anvil listens on (127.0.0.1 only)
 * @param chainId Base Sepolia's id, so transactions look like the public testnet's
 * @param anvil the anvil binary from the pinned npm tools
 */
@ConfigurationProperties("healthhub.chain.local")
public record LocalChainProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("8545") int port,
    @DefaultValue("84532") long chainId,
    Path anvil) {}
