package io.pcapoperator.devcluster.api;

import java.util.List;

/**
 * The built-in kinds the embedded API serves: what the operator, leader election and kubectl use.
 */
public final class BuiltInTypes {
  /** Namespaces. */
  public static final ResourceType NAMESPACES =
      builtIn("", "v1", "Namespace", "namespaces", false, List.of("ns"), true);

  /** Secrets, for the capture credentials. */
  public static final ResourceType SECRETS =
      builtIn("", "v1", "Secret", "secrets", true, List.of(), false);

  /** ConfigMaps. */
  public static final ResourceType CONFIG_MAPS =
      builtIn("", "v1", "ConfigMap", "configmaps", true, List.of("cm"), false);

  /** Core Events, which {@code kubectl describe} shows. */
  public static final ResourceType EVENTS =
      builtIn("", "v1", "Event", "events", true, List.of("ev"), false);

  /**
   * Services, in the {@code all} category as in kube, so that {@code kubectl cluster-info} and
   * {@code kubectl get all} find what there is: none, and no way to make one, since nothing here
   * would route to it.
   */
  public static final ResourceType SERVICES =
      new ResourceType(
          "",
          "v1",
          "Service",
          "services",
          "service",
          true,
          List.of("svc"),
          List.of("all"),
          false,
          List.of(),
          null);

  /** Leases, for leader election. */
  public static final ResourceType LEASES =
      builtIn("coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), false);

  /** CustomResourceDefinitions, which add kinds to the API. */
  public static final ResourceType CRDS =
      builtIn(
          "apiextensions.k8s.io",
          "v1",
          "CustomResourceDefinition",
          "customresourcedefinitions",
          false,
          List.of("crd", "crds"),
          true);

  /** Asked by leader election and {@code kubectl auth can-i --list}; always grants everything. */
  public static final ResourceType SELF_SUBJECT_RULES_REVIEWS =
      builtIn(
          "authorization.k8s.io",
          "v1",
          "SelfSubjectRulesReview",
          "selfsubjectrulesreviews",
          false,
          List.of(),
          false);

  /** Asked by {@code kubectl auth can-i}; always allowed. */
  public static final ResourceType SELF_SUBJECT_ACCESS_REVIEWS =
      builtIn(
          "authorization.k8s.io",
          "v1",
          "SelfSubjectAccessReview",
          "selfsubjectaccessreviews",
          false,
          List.of(),
          false);

  /** Asked by {@code kubectl auth whoami}; answers with the single user. */
  public static final ResourceType SELF_SUBJECT_REVIEWS =
      builtIn(
          "authentication.k8s.io",
          "v1",
          "SelfSubjectReview",
          "selfsubjectreviews",
          false,
          List.of(),
          false);

  /** Every built-in kind. */
  public static final List<ResourceType> ALL =
      List.of(
          NAMESPACES,
          SECRETS,
          CONFIG_MAPS,
          EVENTS,
          SERVICES,
          LEASES,
          CRDS,
          SELF_SUBJECT_RULES_REVIEWS,
          SELF_SUBJECT_ACCESS_REVIEWS,
          SELF_SUBJECT_REVIEWS);

  private BuiltInTypes() {}

  /** Whether the kind only answers creates, with a computed review. */
  public static boolean isReview(ResourceType type) {
    return type == SELF_SUBJECT_RULES_REVIEWS
        || type == SELF_SUBJECT_ACCESS_REVIEWS
        || type == SELF_SUBJECT_REVIEWS;
  }

  /** Whether the kind may only be read: get, list and watch. */
  public static boolean isReadOnly(ResourceType type) {
    return type == SERVICES;
  }

  private static ResourceType builtIn(
      String group,
      String version,
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      boolean statusSubresource) {
    return new ResourceType(
        group,
        version,
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        namespaced,
        shortNames,
        List.of(),
        statusSubresource,
        List.of(),
        null);
  }
}
