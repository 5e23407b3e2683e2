package org.healthhub.chain;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deploy}: deploys DataHub and prints its address. The network comes from
 * {@value ChainConfig#RPC_URL} / {@value ChainConfig#CHAIN_ID}, the deployer's key from
 * {@value ChainConfig#PRIVATE_KEY} only: never an argument, which would show in the process list.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploys DataHub with the given managers and prints its address on stdout.")
public final class DeployCommand implements Callable<Integer> {
  private static final int CONFIG_ERROR = 2;
  private static final int CHAIN_ERROR = 3;

  @Option(names = "--group-manager", required = true, description = "Group Manager address")
  String groupManager;

  @Option(names = "--revocation-manager", required = true, description = "Revocation Manager address (not the GM)")
  String revocationManager;

  @Option(names = "--dispute-window-seconds", defaultValue = "259200",
      description = "How long a buyer may dispute a delivery (default: ${DEFAULT-VALUE}, three days)")
  long disputeWindowSeconds;

  @Spec
  CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  public DeployCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DeployCommand(System.getenv())).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChainConfig config;
    org.web3j.crypto.Credentials deployer;
    try {
      config = ChainConfig.fromEnvironment(environment);
      deployer = ChainConfig.credentials(environment);
    } catch (IllegalArgumentException e) {
      err.println("deploy: " + e.getMessage());
      return CONFIG_ERROR;
    }
    try (ChainConnection chain = ChainConnection.open(config, deployer)) {
      out.println(DataHubGateway.deploy(chain.web3j(), chain.sender(), groupManager, revocationManager,
          disputeWindowSeconds));
      return 0;
    } catch (ContractRevertedException e) {
      err.println("deploy: the constructor refused: " + e.errorName());
      return CHAIN_ERROR;
    } catch (ChainException e) {
      err.println("deploy: " + e.getMessage());
      return CHAIN_ERROR;
    }
  }
}
