package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a custom resource's status at once, with optimistic locking, re-applying the change to a
 * fresh copy on a conflict, and caches the result so that the next reconciliation sees it. A
 * resource deleted meanwhile is reported by the exception {@code gone} makes.
 */
public final class StatusUpdates {
  private StatusUpdates() {}

  /**
   * Applies {@code change} to the status (made by {@code empty} when there is none) and stores it.
   *
   * @param gone makes the exception thrown when the resource no longer exists, from a message
   *     naming it and the API server's answer
   */
  public static <R extends CustomResource<?, S>, S> R write(
      R resource,
      Context<R> context,
      Supplier<S> empty,
      Consumer<S> change,
      BiFunction<String, KubernetesClientException, RuntimeException> gone) {
    try {
      return PrimaryUpdateAndCacheUtils.updateAndCacheResource(
          resource,
          context,
          fresh -> {
            if (fresh.getStatus() == null) {
              fresh.setStatus(empty.get());
            }
            change.accept(fresh.getStatus());
            return fresh;
          },
          r -> context.getClient().resource(r).updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw gone.apply(
            resource.getKind()
                + " "
                + resource.getMetadata().getNamespace()
                + "/"
                + resource.getMetadata().getName()
                + " was deleted before its status could be written",
            e);
      }
      throw e;
    }
  }
}
