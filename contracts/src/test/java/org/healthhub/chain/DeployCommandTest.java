package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.healthhub.chain.testing.AnvilExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

@ExtendWith(AnvilExtension.class)
class DeployCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return new picocli.CommandLine(new DeployCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
  }

  private static Map<String, String> envFor(LocalAnvil anvil) {
    Map<String, String> env = new HashMap<>();
    env.put(ChainConfig.RPC_URL, anvil.rpcUrl());
    env.put(ChainConfig.RECEIPT_POLL_MILLIS, "10");
    env.put(ChainConfig.PRIVATE_KEY, Numeric.toHexStringWithPrefixZeroPadded(
        anvil.accounts().get(0).getEcKeyPair().getPrivateKey(), 64));
    return env;
  }

  @Test
  void deploy_withKeyFromEnvironment_printsAddressOfDeployedCode(LocalAnvil anvil) throws Exception {
    int exit = run(envFor(anvil), "--group-manager", anvil.accounts().get(1).getAddress(),
        "--revocation-manager", anvil.accounts().get(2).getAddress());

    String address = out.toString().trim();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(address).matches("0x[0-9a-f]{40}");
    assertThat(anvil.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode()).hasSizeGreaterThan(2);
  }

  @Test
  void deploy_sameManagers_failsWithTheErrorName(LocalAnvil anvil) {
    String manager = anvil.accounts().get(1).getAddress();
    int exit = run(envFor(anvil), "--group-manager", manager, "--revocation-manager", manager);

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("ManagersMustDiffer");
  }

  @Test
  void deploy_missingOrMalformedKey_failsWithoutShowingIt(LocalAnvil anvil) {
    Map<String, String> env = envFor(anvil);
    env.remove(ChainConfig.PRIVATE_KEY);
    assertThat(run(env, "--group-manager", "0x1", "--revocation-manager", "0x2")).isEqualTo(2);
    assertThat(err.toString()).contains(ChainConfig.PRIVATE_KEY + " is not set");

    env.put(ChainConfig.PRIVATE_KEY, "0xnot-a-key-but-secret-looking");
    assertThat(run(env, "--group-manager", "0x1", "--revocation-manager", "0x2")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("secret-looking");
  }

  @Test
  void deploy_wrongChainId_refusesToSign(LocalAnvil anvil) {
    Map<String, String> env = envFor(anvil);
    env.put(ChainConfig.CHAIN_ID, "8453");

    int exit = run(env, "--group-manager", anvil.accounts().get(1).getAddress(),
        "--revocation-manager", anvil.accounts().get(2).getAddress());

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("serves chain 84532");
  }
}
