package org.healthhub.processes.security;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a refusal raised inside a listener reach the caller as what it is: the engine wraps whatever a
 * task or execution listener throws in a plain {@link ProcessEngineException}, which its REST API
 * answers with 500. Unwrapped, an {@link AuthorizationException} (four eyes, initiator) is a 403 and a
 * {@link FormFieldValidationException} (a rejection without a reason) a 400.
 */
public final class RefusalUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException wrapped) {
        for (Throwable cause = wrapped.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof AuthorizationException || cause instanceof FormFieldValidationException) {
            throw (ProcessEngineException) cause;
          }
        }
        throw wrapped;
      }
    }
  }
}
