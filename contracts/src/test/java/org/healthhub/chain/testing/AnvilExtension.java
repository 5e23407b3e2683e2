package org.healthhub.chain.testing;

import java.nio.file.Path;
import org.healthhub.chain.LocalAnvil;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one anvil (chain id 84532, free port) per test class and stops it after the class; injects
 * the {@link LocalAnvil} into test constructors, lifecycle and test methods. Reads the pinned binary
 * from the {@code healthhub.tools.dir} system property the parent pom sets.
 */
public final class AnvilExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AnvilExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    anvil(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalAnvil.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return anvil(context);
  }

  private static LocalAnvil anvil(ExtensionContext context) {
    ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
        ? context.getParent().orElse(context) : context;
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(RunningAnvil.class, key -> RunningAnvil.start(), RunningAnvil.class).anvil;
  }

  private record RunningAnvil(LocalAnvil anvil) implements ExtensionContext.Store.CloseableResource {
    static RunningAnvil start() {
      String toolsDir = System.getProperty("healthhub.tools.dir");
      if (toolsDir == null) {
        throw new ParameterResolutionException("system property healthhub.tools.dir is not set (the parent pom sets it)");
      }
      try {
        return new RunningAnvil(LocalAnvil.start(Path.of(toolsDir)));
      } catch (java.io.IOException e) {
        throw new ParameterResolutionException("could not start anvil: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      anvil.close();
    }
  }
}
