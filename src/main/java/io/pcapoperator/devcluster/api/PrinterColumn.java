package io.pcapoperator.devcluster.api;

/**
 * One column of a table served to {@code kubectl get}, as in a CRD's {@code
 * additionalPrinterColumns}.
 *
 * @param name column header
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
 * @param format optional format, e.g. {@code name}
 * @param description what the column shows
 * @param priority 0 for the default view, higher for {@code -o wide} only
 * @param jsonPath JSONPath into the object, e.g. {@code .status.phase}
 */
public record PrinterColumn(
    String name, String type, String format, String description, int priority, String jsonPath) {}
