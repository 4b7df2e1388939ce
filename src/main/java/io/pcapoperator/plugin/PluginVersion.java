package io.pcapoperator.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version that the build writes into the jar, which the operator prints too. */
final class PluginVersion implements IVersionProvider {
  private static final String RESOURCE = "/io/pcapoperator/app/version.properties";

  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PluginVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the classpath");
      }
      properties.load(in);
    }
    return new String[] {"kubectl-pcap " + properties.getProperty("version")};
  }
}
