package io.pcapoperator.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcapoperator.storage.StorageCredentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code --s3-secret}, the bucket's keys come from the environment, both or none. */
class BucketKeysTest {
  @Test
  void bothVariablesGiveTheKeysAndNeitherGivesNone() {
    assertThat(
            BucketKeys.read(
                null,
                null,
                Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "env-secret-5e1")))
        .contains(new StorageCredentials("id", "env-secret-5e1"));
    assertThat(BucketKeys.read(null, null, Map.of("AWS_ACCESS_KEY_ID", " "))).isEmpty();
  }

  @Test
  void oneVariableAloneIsNamedAndItsValueIsNot() {
    assertThatThrownBy(
            () -> BucketKeys.read(null, null, Map.of("AWS_SECRET_ACCESS_KEY", "env-secret-5e1")))
        .isInstanceOf(PluginFailure.class)
        .hasMessage("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        .message()
        .doesNotContain("env-secret-5e1");
  }
}
