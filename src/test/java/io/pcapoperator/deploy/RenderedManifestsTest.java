package io.pcapoperator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the Helm chart and the kustomize default as rendered by {@code .ci/deploy-checks.sh} into
 * {@code target/deploy/}: a restricted pod, probes on the operator's HTTP server, and the least
 * RBAC the operator needs. Tests of rendered files are skipped when the script has not run.
 */
class RenderedManifestsTest {
  private static final Path DEPLOY = Path.of("target", "deploy");
  private static final List<String> CRDS =
      List.of("packetcaptures.pcap-operator.io-v1.yml", "pcapbuckets.pcap-operator.io-v1.yml");
  private static final String RELEASE_NAMESPACE = "pcap-system";

  /** One verb on one resource: a rule flattened, so that rule sets compare exactly. */
  record Permission(String group, String resource, String verb) {}

  /** What the operator needs in each namespace it watches. */
  private static final Set<Permission> WATCHED_NAMESPACE_PERMISSIONS =
      Stream.of(
              permissions("pcap-operator.io", "packetcaptures", "get", "list", "watch", "update"),
              permissions("pcap-operator.io", "packetcaptures", "patch"),
              permissions("pcap-operator.io", "packetcaptures/status", "get", "update", "patch"),
              permissions("pcap-operator.io", "packetcaptures/finalizers", "update"),
              permissions("pcap-operator.io", "pcapbuckets", "get", "list", "watch", "update"),
              permissions("pcap-operator.io", "pcapbuckets", "patch"),
              permissions("pcap-operator.io", "pcapbuckets/status", "get", "update", "patch"),
              permissions("pcap-operator.io", "pcapbuckets/finalizers", "update"),
              permissions("", "secrets", "get", "list", "watch"),
              permissions("", "events", "create", "patch"))
          .flatMap(Set::stream)
          .collect(Collectors.toSet());

  private static final Set<Permission> ACCESS_REVIEW =
      permissions("authorization.k8s.io", "selfsubjectrulesreviews", "create");

  private static final Set<Permission> LEASES =
      permissions("coordination.k8s.io", "leases", "get", "create", "update");

  @Test
  void crdCopiesAreByteIdenticalToCrds() {
    for (String crd : CRDS) {
      Path original = Path.of("crds", crd);
      assertThat(Path.of("helm", "pcap-operator", "crds", crd))
          .as("the chart's CRD differs from crds/%s: copy it again", crd)
          .hasSameBinaryContentAs(original);
      assertThat(Path.of("config", "crd", "bases", crd))
          .as("config/crd/bases/%s differs from crds/%s: copy it again", crd, crd)
          .hasSameBinaryContentAs(original);
    }
  }

  @Test
  void helmDeploymentIsRestrictedAndProbed() throws IOException {
    Deployment deployment = only(rendered("helm-default.yaml"), Deployment.class);

    assertRestrictedAndProbed(deployment);
    assertThat(env(deployment, "WATCH_NAMESPACES")).isEmpty();
    assertThat(env(deployment, "PCAP_LEADER_ELECTION")).isEqualTo("true");
    assertThat(env(deployment, "PCAP_LOG_LEVEL")).isEqualTo("INFO");
    assertThat(env(deployment, "PCAP_MAX_POLL_INTERVAL")).isEqualTo("60s");
    assertThat(env(deployment, "PCAP_REQUEST_TIMEOUT")).isEqualTo("30s");
    assertThat(env(deployment, "PCAP_API_BUDGET")).isEqualTo("1200");
    assertThat(container(deployment).getImage()).isEqualTo("pcap-operator/pcap-operator:0.1.0");
  }

  @Test
  void aDefaultOutputReadsItsOneSecretInTheReleaseNamespace() throws IOException {
    List<HasMetadata> objects = rendered("helm-output.yaml");
    Deployment deployment = only(objects, Deployment.class);

    assertThat(env(deployment, "PCAP_DEFAULT_OUTPUT_BUCKET")).isEqualTo("pcaps");
    assertThat(env(deployment, "PCAP_DEFAULT_OUTPUT_SECRET")).isEqualTo("pcap-operator-output");
    assertThat(env(deployment, "PCAP_DEFAULT_OUTPUT_RETENTION")).isEqualTo("720h");
    Role role =
        of(objects, Role.class).stream()
            .filter(r -> r.getMetadata().getName().endsWith("-output-secret"))
            .findFirst()
            .orElseThrow();
    assertThat(role.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("secrets");
              assertThat(rule.getResourceNames()).containsExactly("pcap-operator-output");
              assertThat(rule.getVerbs()).containsExactly("get");
            });
    assertThat(of(rendered("helm-default.yaml"), Role.class))
        .noneMatch(r -> r.getMetadata().getName().endsWith("-output-secret"));
  }

  @Test
  void kustomizeDeploymentIsRestrictedAndProbed() throws IOException {
    List<HasMetadata> objects = rendered("kustomize.yaml");
    Deployment deployment = only(objects, Deployment.class);

    assertRestrictedAndProbed(deployment);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
    assertThat(objects)
        .extracting(HasMetadata::getKind, o -> o.getMetadata().getName())
        .contains(
            tuple("Namespace", RELEASE_NAMESPACE),
            tuple("CustomResourceDefinition", "packetcaptures.pcap-operator.io"),
            tuple("CustomResourceDefinition", "pcapbuckets.pcap-operator.io"));
  }

  @Test
  void watchingAllNamespacesBindsExactlyTheNeededRulesClusterWide() throws IOException {
    for (String file : List.of("helm-default.yaml", "kustomize.yaml")) {
      List<HasMetadata> objects = rendered(file);
      ClusterRole clusterRole = only(objects, ClusterRole.class);

      assertThat(permissions(clusterRole.getRules()))
          .as("%s: ClusterRole rules", file)
          .containsExactlyInAnyOrderElementsOf(union(WATCHED_NAMESPACE_PERMISSIONS, ACCESS_REVIEW));
      ClusterRoleBinding binding = only(objects, ClusterRoleBinding.class);
      assertThat(binding.getRoleRef().getName()).isEqualTo(clusterRole.getMetadata().getName());
      assertBoundToOperator(binding.getSubjects(), objects);
      assertLeasesOnlyInReleaseNamespace(objects, file);
      assertThat(of(objects, Role.class))
          .as("%s: Roles outside the release namespace", file)
          .allMatch(r -> r.getMetadata().getNamespace().equals(RELEASE_NAMESPACE));
    }
  }

  @Test
  void watchingSomeNamespacesBindsRulesInEachAndNoSecretsClusterWide() throws IOException {
    List<HasMetadata> objects = rendered("helm-namespaces.yaml");
    Deployment deployment = only(objects, Deployment.class);
    assertThat(env(deployment, "WATCH_NAMESPACES")).isEqualTo("a,b");

    for (String namespace : List.of("a", "b")) {
      Role role = only(inNamespace(of(objects, Role.class), namespace), Role.class);
      assertThat(permissions(role.getRules()))
          .as("Role in %s", namespace)
          .containsExactlyInAnyOrderElementsOf(WATCHED_NAMESPACE_PERMISSIONS);
      RoleBinding binding =
          only(inNamespace(of(objects, RoleBinding.class), namespace), RoleBinding.class);
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
      assertBoundToOperator(binding.getSubjects(), objects);
    }
    for (ClusterRoleBinding binding : of(objects, ClusterRoleBinding.class)) {
      ClusterRole role =
          of(objects, ClusterRole.class).stream()
              .filter(r -> r.getMetadata().getName().equals(binding.getRoleRef().getName()))
              .findFirst()
              .orElseThrow();
      assertThat(permissions(role.getRules()))
          .as("cluster-wide rules when namespaces are given")
          .containsExactlyInAnyOrderElementsOf(ACCESS_REVIEW);
    }
    assertLeasesOnlyInReleaseNamespace(objects, "helm-namespaces.yaml");
  }

  @Test
  void serviceMonitorOnlyWhenEnabled() throws IOException {
    assertThat(serviceMonitors(rendered("helm-default.yaml"))).isEmpty();
    assertThat(serviceMonitors(rendered("helm-namespaces.yaml"))).isEmpty();

    GenericKubernetesResource monitor =
        serviceMonitors(rendered("helm-servicemonitor.yaml")).stream().findFirst().orElseThrow();
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> endpoints =
        (List<Map<String, Object>>) monitor.get("spec", "endpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("port", "http-metrics");
              assertThat(e).containsEntry("path", "/metrics");
            });
  }

  private static void assertRestrictedAndProbed(Deployment deployment) {
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(pod.getContainers()).hasSize(1);
    Container container = container(deployment);

    SecurityContext security = container.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    assertThat(container.getPorts())
        .anySatisfy(
            p -> {
              assertThat(p.getName()).isEqualTo("http-metrics");
              assertThat(p.getContainerPort()).isEqualTo(8080);
            });
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getLivenessProbe().getHttpGet().getPort())
        .isEqualTo(new IntOrString("http-metrics"));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort())
        .isEqualTo(new IntOrString("http-metrics"));

    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");

    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("POD_NAMESPACE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
    assertThat(env(deployment, "JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=/tmp");
    assertThat(container.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes()).extracting(Volume::getEmptyDir).doesNotContainNull();
  }

  private static void assertBoundToOperator(List<Subject> subjects, List<HasMetadata> objects) {
    String account =
        only(objects, Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName();
    assertThat(subjects)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(account);
              assertThat(s.getNamespace()).isEqualTo(RELEASE_NAMESPACE);
            });
  }

  private static void assertLeasesOnlyInReleaseNamespace(List<HasMetadata> objects, String file) {
    for (ClusterRole role : of(objects, ClusterRole.class)) {
      assertThat(permissions(role.getRules()))
          .as("%s: ClusterRole %s", file, role.getMetadata().getName())
          .noneMatch(p -> p.resource().equals("leases"));
    }
    List<Role> leaseRoles =
        of(objects, Role.class).stream()
            .filter(r -> permissions(r.getRules()).stream().anyMatch(LEASES::contains))
            .toList();
    assertThat(leaseRoles)
        .as("%s: Roles on leases", file)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
              assertThat(permissions(r.getRules())).containsExactlyInAnyOrderElementsOf(LEASES);
            });
    assertThat(of(objects, RoleBinding.class))
        .as("%s: the leader election Role is bound", file)
        .anySatisfy(
            b -> {
              assertThat(b.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
              assertThat(b.getRoleRef().getName())
                  .isEqualTo(leaseRoles.get(0).getMetadata().getName());
            });
  }

  /** The objects in {@code target/deploy/<file>}; skips the test when they were not rendered. */
  private static List<HasMetadata> rendered(String file) throws IOException {
    assumeTrue(
        Files.exists(DEPLOY.resolve("helm-default.yaml")),
        "target/deploy/ is not rendered: run .ci/deploy-checks.sh first");
    Path path = DEPLOY.resolve(file);
    assumeTrue(Files.exists(path), path + " is not rendered: run .ci/deploy-checks.sh first");
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents =
        new YAMLMapper().readerFor(JsonNode.class).readValues(path.toFile())) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && document.isObject() && document.has("kind")) {
          objects.add(Serialization.unmarshal(document.toString(), HasMetadata.class));
        }
      }
    }
    assertThat(objects).as(file).isNotEmpty();
    return objects;
  }

  private static <T extends HasMetadata> List<T> of(
      List<? extends HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends HasMetadata> T only(
      List<? extends HasMetadata> objects, Class<T> type) {
    List<T> found = of(objects, type);
    assertThat(found).as("one %s", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private static <T extends HasMetadata> List<T> inNamespace(List<T> objects, String namespace) {
    return objects.stream().filter(o -> namespace.equals(o.getMetadata().getNamespace())).toList();
  }

  private static List<GenericKubernetesResource> serviceMonitors(List<HasMetadata> objects) {
    return of(objects, GenericKubernetesResource.class).stream()
        .filter(o -> o.getKind().equals("ServiceMonitor"))
        .toList();
  }

  private static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static String env(Deployment deployment, String name) {
    return container(deployment).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no environment variable " + name));
  }

  /** Every rule flattened to permissions; fails on wildcards and on resourceNames. */
  private static Set<Permission> permissions(List<PolicyRule> rules) {
    Set<Permission> result = new HashSet<>();
    for (PolicyRule rule : rules) {
      assertThat(rule.getVerbs()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            result.add(new Permission(group, resource, verb));
          }
        }
      }
    }
    return result;
  }

  private static Set<Permission> permissions(String group, String resource, String... verbs) {
    return Stream.of(verbs)
        .map(v -> new Permission(group, resource, v))
        .collect(Collectors.toSet());
  }

  private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
