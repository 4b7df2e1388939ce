package io.pcapoperator.devcluster.admission;

/** Field paths as kube prints them: {@code spec.filter.protocol}, {@code spec.items[0]}. */
final class FieldPaths {
  private FieldPaths() {}

  static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }
}
