package org.healthhub.chain;

import org.healthhub.chain.generated.DataHub;
import org.healthhub.chain.testing.AnvilExtension;
import org.healthhub.chain.testing.DataHubFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh DataHub for every test, on the class's anvil. */
@ExtendWith(AnvilExtension.class)
abstract class DeployedDataHubTest {
  protected DataHubFixture f;
  protected DataHub hub;

  @BeforeEach
  void deployDataHub(LocalAnvil anvil) throws Exception {
    f = DataHubFixture.deploy(anvil);
    hub = f.hub();
  }
}
