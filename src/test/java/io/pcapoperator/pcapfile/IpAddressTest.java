package io.pcapoperator.pcapfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpAddressTest {
  @Test
  void ipv6IsWrittenAsRfc5952Says() throws Exception {
    assertThat(text("2001:0db8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
    assertThat(text("::")).isEqualTo("::");
    assertThat(text("::1")).isEqualTo("::1");
    assertThat(text("fe80::")).isEqualTo("fe80::");
    assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(text("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
    assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(text("2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF"))
        .isEqualTo("2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff");
  }

  @Test
  void ipv4IsDottedAndSortsBeforeIpv6ByValue() throws Exception {
    assertThat(text("198.51.100.255")).isEqualTo("198.51.100.255");
    assertThat(address("198.51.100.9")).isLessThan(address("198.51.100.10"));
    assertThat(address("255.255.255.255")).isLessThan(address("::"));
    assertThat(address("2001:db8::1")).isLessThan(address("fe80::1"));
    assertThat(address("10.0.0.1")).isEqualTo(address("10.0.0.1"));
  }

  private static String text(String literal) throws Exception {
    return address(literal).toString();
  }

  private static IpAddress address(String literal) throws Exception {
    byte[] bytes = InetAddress.getByName(literal).getAddress();
    return IpAddress.read(bytes, 0, bytes.length);
  }
}
