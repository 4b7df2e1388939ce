package io.pcapoperator.devcluster;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;

/**
 * The mock server's CRUD store, plus the answers it lacks that the operator needs: a
 * SelfSubjectRulesReview (asked by leader election before it takes a Lease) that grants the single
 * user of the embedded API everything.
 */
final class DevApiDispatcher extends KubernetesCrudDispatcher {
  private static final String RULES_REVIEW =
      "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

  DevApiDispatcher() {
    super(List.of());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if ("POST".equals(request.getMethod()) && request.getPath().startsWith(RULES_REVIEW)) {
      return allowEverything(request);
    }
    return super.dispatch(request);
  }

  private static MockResponse allowEverything(RecordedRequest request) {
    SelfSubjectRulesReview asked =
        Serialization.unmarshal(request.getUtf8Body(), SelfSubjectRulesReview.class);
    SelfSubjectRulesReview answer =
        new SelfSubjectRulesReviewBuilder(asked)
            .withNewStatus()
            .addNewResourceRule()
            .withApiGroups("*")
            .withResources("*")
            .withVerbs("*")
            .endResourceRule()
            .withIncomplete(false)
            .endStatus()
            .build();
    return new MockResponse()
        .setResponseCode(201)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(answer));
  }
}
