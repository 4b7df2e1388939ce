package io.pcapoperator.devcluster.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class V2SchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dropsWhatSwaggerTwoCannotSayAsKubeApiserverDoes() throws Exception {
    ObjectNode v3 =
        (ObjectNode)
            JSON.readTree(
                """
                {"type": "object", "required": ["note", "size"],
                 "properties": {
                   "note": {"type": "string", "nullable": true},
                   "size": {"type": "integer", "anyOf": [{"minimum": 1}]},
                   "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                             "properties": {"a": {"type": "string"}}},
                   "anything": {"type": "array", "x-kubernetes-preserve-unknown-fields": true,
                                "items": {"type": "string"}},
                   "meta": {"allOf": [{"$ref": "#/components/schemas/Meta"}],
                            "description": "metadata"}}}
                """);

    ObjectNode v2 = V2Schemas.of(v3);

    assertThat(v2.get("required").toString()).isEqualTo("[\"size\"]");
    assertThat(v2.at("/properties/note").toString()).isEqualTo("{}");
    assertThat(v2.at("/properties/size").toString()).isEqualTo("{\"type\":\"integer\"}");
    assertThat(v2.at("/properties/extra").toString())
        .isEqualTo("{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}");
    assertThat(v2.at("/properties/anything").toString())
        .isEqualTo("{\"x-kubernetes-preserve-unknown-fields\":true}");
    assertThat(v2.at("/properties/meta").toString())
        .isEqualTo("{\"description\":\"metadata\",\"$ref\":\"#/definitions/Meta\"}");
    assertThat(v3.at("/properties/meta/allOf")).as("the v3 schema is left as it was").hasSize(1);
  }
}
