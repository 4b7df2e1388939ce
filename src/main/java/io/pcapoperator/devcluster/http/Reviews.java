package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;

/**
 * Answers to access reviews and to {@code kubectl auth whoami}. The embedded API has one user,
 * named as in the kubeconfig {@code dev} writes and in {@code system:masters}, who may do
 * everything: leader election asks before it takes a Lease, {@code kubectl auth can-i} before it
 * answers.
 */
final class Reviews {
  private Reviews() {}

  static ObjectNode answer(ResourceType type, ObjectNode review) {
    ObjectNode answer = review.deepCopy();
    answer.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    ObjectWrites.metadata(answer);
    ObjectNode status = answer.putObject("status");
    if (type == BuiltInTypes.SELF_SUBJECT_REVIEWS) {
      ObjectNode user = status.putObject("userInfo").put("username", ClientIdentity.USER);
      ClientIdentity.GROUPS.forEach(user.putArray("groups")::add);
    } else if (type == BuiltInTypes.SELF_SUBJECT_RULES_REVIEWS) {
      ObjectNode rule = status.putArray("resourceRules").addObject();
      rule.putArray("apiGroups").add("*");
      rule.putArray("resources").add("*");
      rule.putArray("verbs").add("*");
      ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
      nonResource.putArray("verbs").add("*");
      nonResource.putArray("nonResourceURLs").add("*");
      status.put("incomplete", false);
    } else {
      status
          .put("allowed", true)
          .put("reason", "the embedded API grants its single user everything");
    }
    return answer;
  }
}
