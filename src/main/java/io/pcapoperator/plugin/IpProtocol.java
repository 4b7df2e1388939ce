package io.pcapoperator.plugin;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An IP protocol flag value: its number, or the name of a common one (tcp, udp, icmp). */
final class IpProtocol implements ITypeConverter<Integer> {
  private static final Map<String, Integer> NAMES = Map.of("icmp", 1, "tcp", 6, "udp", 17);

  @Override
  public Integer convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (NAMES.containsKey(text)) {
      return NAMES.get(text);
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a protocol number 0-255, tcp, udp or icmp");
    }
  }
}
